using System.Management.Automation;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Tickets;

/// <summary>Deletes tickets. Asks before each unless -Force or -Confirm:$false.</summary>
[Cmdlet(VerbsCommon.Remove, "MqaTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMqaTicketCommand : MqaApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("gradable_id")]
    [AllowEmptyString]
    public string[] GradableId { get; set; } = [];

    /// <summary>Delete without asking.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string id in GradableId)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                WriteError(ErrorRecords.InvalidArgument("InvalidTicket", "GradableId is required; nothing was deleted.", id));
                continue;
            }

            // -Force skips the confirmation but never -WhatIf.
            if (!(Force && !Confirmation.WhatIfAsked(this)) && !ShouldProcess(id, "Delete MaestroQA ticket"))
            {
                continue;
            }

            if (TryCall(token => Client.DeleteTicketAsync(id.Trim(), token), id))
            {
                WriteVerbose($"Deleted ticket '{id}'.");
            }
        }
    }
}
