using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Polls exports until they complete and emits them, ready for Save-MqaExport.</summary>
[Cmdlet(VerbsLifecycle.Wait, "MqaExport", DefaultParameterSetName = ExportSet)]
[OutputType(typeof(MqaExport))]
public sealed class WaitMqaExportCommand : ExportInputCmdlet
{
    protected override void ProcessRecord()
    {
        foreach (MqaExport export in InputExports())
        {
            if (WaitForExport(export) is MqaExport complete)
            {
                WriteObject(complete);
            }
        }
    }
}
