using System.Management.Automation;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets.Session;

/// <summary>The session cmdlets would use now: the default one, else one from $env:MAESTROQA_API_TOKEN.</summary>
[Cmdlet(VerbsCommon.Get, "MqaSession")]
[OutputType(typeof(MqaSession))]
public sealed class GetMqaSessionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        try
        {
            WriteObject(SessionResolver.Resolve(null));
        }
        catch (PSInvalidOperationException ex)
        {
            WriteError(SessionResolver.NotConnected(ex));
        }
    }
}
