using System.Linq;
using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Polls exports until they complete and emits them, ready for Save-MqaExport.</summary>
[Cmdlet(VerbsLifecycle.Wait, "MqaExport", DefaultParameterSetName = ExportInput.ExportSet)]
[OutputType(typeof(MqaExport))]
public sealed class WaitMqaExportCommand : ExportWaitCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ExportInput.ExportSet)]
    [ValidateNotNull]
    public MqaExport Export { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ExportInput.ExportIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] ExportId { get; set; } = [];

    protected override void ProcessRecord()
    {
        Emit(ExportInput.Expand(ParameterSetName, Export, ExportId).ToList(), wait: true);
    }
}
