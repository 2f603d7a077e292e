using System.Management.Automation;

namespace MaestroQA.PowerShell.Cmdlets.Session;

[Cmdlet(VerbsCommunications.Disconnect, "Mqa")]
[OutputType(typeof(void))]
public sealed class DisconnectMqaCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (!SessionStore.Clear())
        {
            WriteVerbose("There was no default MaestroQA session in this runspace.");
        }
    }
}
