using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>The Invoke-Mqa*Export cmdlets: request, then emit the export, or with -Wait its completed self.</summary>
public abstract class ExportRequestCmdlet : ExportCmdlet, IExportWaitOptions
{
    /// <summary>A name for the export; MaestroQA makes one up when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Wait until the export is complete and emit it then, ready for Save-MqaExport.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long to wait for one export to complete. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first pause between status checks; later ones grow by half, up to 30 s. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

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

        MqaExport? result = Wait ? WaitForExport(export, this) : export;
        if (result is not null)
        {
            WriteObject(result);
        }
    }
}
