using System.Management.Automation;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets.Session;

/// <summary>Makes a session the default for this runspace.</summary>
[Cmdlet(VerbsCommunications.Connect, "Mqa", DefaultParameterSetName = TokenSet)]
[OutputType(typeof(MqaSession))]
public sealed class ConnectMqaCommand : SessionParametersCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        MqaSession session = CreateSession();
        SessionStore.SetCurrent(session);
        WriteVerbose($"Connected to {session.BaseUri} with token {session.TokenFingerprint}.");
        if (PassThru)
        {
            WriteObject(session);
        }
    }
}
