using System;
using System.Management.Automation;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Polls exports until they complete and emits them, ready for Save-MqaExport.</summary>
[Cmdlet(VerbsLifecycle.Wait, "MqaExport", DefaultParameterSetName = ExportSet)]
[OutputType(typeof(MqaExport))]
public sealed class WaitMqaExportCommand : ExportInputCmdlet, IExportWaitOptions
{
    /// <summary>How long to wait for one export to complete. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first pause between status checks; later ones grow by half, up to 30 s. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    protected override void ProcessRecord()
    {
        foreach (MqaExport export in InputExports())
        {
            if (WaitForExport(export, this) is MqaExport complete)
            {
                WriteObject(complete);
            }
        }
    }
}
