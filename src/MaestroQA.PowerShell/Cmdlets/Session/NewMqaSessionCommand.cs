using System.Management.Automation;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets.Session;

/// <summary>Returns a session for -Session without making it the default.</summary>
[Cmdlet(VerbsCommon.New, "MqaSession", DefaultParameterSetName = TokenSet)]
[OutputType(typeof(MqaSession))]
public sealed class NewMqaSessionCommand : SessionParametersCmdlet
{
    protected override void EndProcessing() => WriteObject(CreateSession());
}
