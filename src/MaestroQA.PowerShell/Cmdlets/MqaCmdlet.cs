using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Transport;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets;

/// <summary>
/// Runs the client's async work while keeping every Write* call on the pipeline thread, where PowerShell requires it:
/// other threads post actions, the pipeline thread pumps them until the awaited task ends. Ctrl+C cancels the work.
/// Failures are reported through the one error mapper.
/// </summary>
public abstract class MqaCmdlet : PSCmdlet, IApiLog
{
    private static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(50);
    private static readonly Action NoOp = static () => { };
    private readonly CancellationTokenSource _stopping = new();
    private readonly BlockingCollection<Action> _pipelineActions = new();

    protected CancellationToken StopToken => _stopping.Token;

    void IApiLog.Verbose(string message) => Post(() => WriteVerbose(message));

    void IApiLog.Warning(string message) => Post(() => WriteWarning(message));

    /// <summary>Queues an action for the pipeline thread; safe from any thread.</summary>
    protected void Post(Action action)
    {
        _pipelineActions.Add(action);
    }

    protected T Await<T>(Task<T> task)
    {
        Pump(task);
        return task.GetAwaiter().GetResult();
    }

    protected void Await(Task task)
    {
        Pump(task);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Runs queued actions until <paramref name="task"/> ends, then the ones it left.</summary>
    protected void Pump(Task task)
    {
        // Wake the wait below as soon as the task ends, rather than at the next poll.
        if (!task.IsCompleted)
        {
            task.ContinueWith(static (_, actions) => ((BlockingCollection<Action>)actions!).Add(NoOp), _pipelineActions, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        while (!task.IsCompleted)
        {
            if (_pipelineActions.TryTake(out Action? action, PumpInterval))
            {
                action();
            }
        }

        while (_pipelineActions.TryTake(out Action? action))
        {
            action();
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

    protected override void StopProcessing() => _stopping.Cancel();
}
