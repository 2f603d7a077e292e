using System;
using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Checks an export's status once.</summary>
[Cmdlet(VerbsCommon.Get, "MqaExport", DefaultParameterSetName = ExportSet)]
[OutputType(typeof(MqaExport))]
public sealed class GetMqaExportCommand : ExportInputCmdlet
{
    protected override void ProcessRecord()
    {
        foreach (MqaExport export in InputExports())
        {
            try
            {
                WriteObject(Await(Client.GetExportAsync(export, StopToken)));
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                WriteFailure(ex, export);
            }
        }
    }
}
