using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api;
using MaestroQA.PowerShell.Cmdlets.Session;
using MaestroQA.PowerShell.Errors;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets;

/// <summary>A cmdlet that calls the API: it takes -Session and reports failures through the one error mapper.</summary>
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

    /// <summary>
    /// Runs one client call on the pipeline thread's pump. False, after writing the failure (see <see cref="WriteFailure"/>),
    /// when it failed; <paramref name="target"/> is read then, so it can name what the call had reached.
    /// </summary>
    /// <param name="explain">Given, adds to the failure what became of the user's things (files left, rows sent).</param>
    protected bool TryCall<T>(Func<CancellationToken, Task<T>> call, Func<object?> target, out T result, Func<Exception, string?>? explain = null)
    {
        try
        {
            result = Await(call(StopToken));
            return true;
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteFailure(ex, target(), ex is OperationCanceledException ? null : explain?.Invoke(ex));
            result = default!;
            return false;
        }
    }

    protected bool TryCall<T>(Func<CancellationToken, Task<T>> call, object? target, out T result) =>
        TryCall(call, () => target, out result);

    protected bool TryCall(Func<CancellationToken, Task> call, object? target) =>
        TryCall(async token => { await call(token).ConfigureAwait(false); return true; }, () => target, out _);

    /// <summary>Writes a failure for its input, or ends the command with it (see <see cref="ErrorRecords.StopsTheCommand"/>).</summary>
    protected void WriteFailure(Exception exception, object? target, string? details = null)
    {
        ErrorRecord record = ErrorRecords.From(exception, target);
        if (details is not null)
        {
            record.ErrorDetails = new ErrorDetails(details);
        }

        if (ErrorRecords.StopsTheCommand(exception))
        {
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    private MaestroQAClient CreateClient() => new(ResolvedSession.Transport, this);
}
