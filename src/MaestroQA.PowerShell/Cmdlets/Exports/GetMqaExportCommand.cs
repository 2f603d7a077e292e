using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Checks an export's status once.</summary>
[Cmdlet(VerbsCommon.Get, "MqaExport", DefaultParameterSetName = ExportInput.ExportSet)]
[OutputType(typeof(MqaExport))]
public sealed class GetMqaExportCommand : MqaApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ExportInput.ExportSet)]
    [ValidateNotNull]
    public MqaExport Export { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ExportInput.ExportIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] ExportId { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (MqaExport export in ExportInput.Expand(ParameterSetName, Export, ExportId))
        {
            if (TryCall(token => Client.GetExportAsync(export, token), export, out MqaExport checkedExport))
            {
                WriteObject(checkedExport);
            }
        }
    }
}
