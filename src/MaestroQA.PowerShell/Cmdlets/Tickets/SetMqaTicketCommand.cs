using System;
using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Tickets;

/// <summary>Updates the given fields of an existing ticket; fields not given stay as they are.</summary>
[Cmdlet(VerbsCommon.Set, "MqaTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MqaTicket))]
public sealed class SetMqaTicketCommand : TicketFieldsCmdlet
{
    protected override void ProcessRecord()
    {
        if (!TryReadTicket(requireAll: false, out MqaTicket changes, out ErrorRecord? invalid))
        {
            WriteError(invalid);
            return;
        }

        if (!ShouldProcess(changes.GradableId, "Update MaestroQA ticket"))
        {
            return;
        }

        try
        {
            WriteObject(Await(Client.UpdateTicketAsync(changes.GradableId!, changes, StopToken)));
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteFailure(ex, CurrentRow);
        }
    }
}
