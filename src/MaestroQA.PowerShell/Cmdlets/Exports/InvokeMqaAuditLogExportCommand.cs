using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Requests an audit (activity) log export.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "MqaAuditLogExport")]
[OutputType(typeof(MqaExport))]
public sealed class InvokeMqaAuditLogExportCommand : DateRangeExportCmdlet
{
    protected override void ProcessRecord()
    {
        if (!ValidateDateRange())
        {
            return;
        }

        var request = new AuditLogExportRequest(StartDate, EndDate) { Name = Name };
        Emit(Request(token => Client.RequestAuditLogExportAsync(request, token), request));
    }
}
