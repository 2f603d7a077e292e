using System.Management.Automation;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tickets;

namespace MaestroQA.PowerShell.Cmdlets.Tickets;

/// <summary>Updates the given fields of an existing ticket; fields not given stay as they are.</summary>
[Cmdlet(VerbsCommon.Set, "MqaTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MqaTicket))] // with -PassThru
public sealed class SetMqaTicketCommand : TicketFieldsCmdlet
{
    /// <summary>Write the ticket as MaestroQA stored it; without it, Set-MqaTicket writes nothing, as Set-* cmdlets do.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!TryReadTicket(TicketRowPurpose.Update, out MqaTicket changes, out ErrorRecord? invalid))
        {
            WriteError(invalid);
            return;
        }

        if (!ShouldProcess(changes.GradableId, "Update MaestroQA ticket"))
        {
            return;
        }

        if (TryCall(token => Client.UpdateTicketAsync(changes.GradableId!, changes, token), CurrentRow, out MqaTicket updated) && PassThru)
        {
            WriteObject(updated);
        }
    }
}
