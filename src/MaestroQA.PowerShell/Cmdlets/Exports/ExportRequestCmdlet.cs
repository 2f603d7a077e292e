using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>The Invoke-Mqa*Export cmdlets: request, then emit the export, or with -Wait its completed self.</summary>
public abstract class ExportRequestCmdlet : ExportCmdlet
{
    /// <summary>A name for the export; MaestroQA makes one up when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Wait until the export is complete and emit it then, ready for Save-MqaExport.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Sends one request; returns the export, or null after writing the error.</summary>
    protected MqaExport? Request(Func<CancellationToken, Task<MqaExport>> request, object target)
    {
        try
        {
            MqaExport export = Await(request(StopToken));
            WriteVerbose($"Requested {export}.");
            return export;
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteFailure(ex, target);
            return null;
        }
    }

    protected void Emit(MqaExport? export)
    {
        if (export is null)
        {
            return;
        }

        MqaExport? result = Wait ? WaitForExport(export) : export;
        if (result is not null)
        {
            WriteObject(result);
        }
    }
}
