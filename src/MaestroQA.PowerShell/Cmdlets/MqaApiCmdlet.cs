using System.Management.Automation;
using MaestroQA.Client.Api;
using MaestroQA.PowerShell.Cmdlets.Session;
using MaestroQA.PowerShell.Errors;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets;

/// <summary>A cmdlet that calls the API: it takes -Session, which it resolves before the first record.</summary>
public abstract class MqaApiCmdlet : MqaCmdlet
{
    private MaestroQAClient? _client;

    /// <summary>The session to use; by default the one Connect-Mqa made, else $env:MAESTROQA_API_TOKEN.</summary>
    [Parameter]
    [ValidateNotNull]
    public MqaSession? Session { get; set; }

    protected MaestroQAClient Client => _client ??= CreateClient();

    protected MqaSession ResolvedSession { get; private set; } = null!;

    protected override void BeginProcessing()
    {
        try
        {
            ResolvedSession = SessionResolver.Resolve(Session);
        }
        catch (PSInvalidOperationException ex)
        {
            ThrowTerminatingError(SessionResolver.NotConnected(ex));
        }
    }

    private MaestroQAClient CreateClient() => new(ResolvedSession.Transport, this);
}
