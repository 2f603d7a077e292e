using System;
using System.Management.Automation;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Requests an audit (activity) log export.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "MqaAuditLogExport")]
[OutputType(typeof(MqaExport))]
public sealed class InvokeMqaAuditLogExportCommand : ExportWaitCmdlet
{
    /// <summary>Include activity logged after this date. A date without an offset is local time.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ApiDateTransformation]
    public DateTimeOffset StartDate { get; set; }

    /// <summary>Include activity logged before this date. A date without an offset is local time.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ApiDateTransformation]
    public DateTimeOffset EndDate { get; set; }

    /// <summary>A name for the export; MaestroQA makes one up when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Wait until the export is complete and emit it then, ready for Save-MqaExport.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override void ProcessRecord()
    {
        if (!DateRangeCheck.Validate(this, StartDate, EndDate))
        {
            return;
        }

        var request = new AuditLogExportRequest(StartDate, EndDate) { Name = Name };
        if (TryCall(token => Client.RequestAuditLogExportAsync(request, token), request, out MqaExport export))
        {
            Emit(export, Wait);
        }
    }
}
