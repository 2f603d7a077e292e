using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;

namespace MaestroQA.Client.Sync;

/// <summary>
/// Waits for many exports at once with one status check at a time, spending the easy-endpoint budget where it pays:
/// the oldest due export first (exports tend to finish in the order they were asked for), each checked again after
/// half its age (between the first and the largest interval), and checks spread evenly over the minute rather than
/// spent in a burst. When one export completes, the next older one is checked at once. The rate limiter still paces
/// every check; this only chooses which export each permit goes to.
/// </summary>
public sealed class ExportStatusPoller : IDisposable
{
    private readonly Func<MqaExport, CancellationToken, Task<MqaExport>> _check;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<Waiter> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource<bool> _signal = NewSignal();
    private Task? _loop;
    private long _lastCheck = long.MinValue;

    /// <param name="check">One status check (MaestroQAClient.GetExportAsync).</param>
    /// <param name="easyLimit">The budget checks draw on: checks are spaced by its minute window over its per-minute count.</param>
    public ExportStatusPoller(Func<MqaExport, CancellationToken, Task<MqaExport>> check, RateLimitPolicy easyLimit, TimeProvider? time = null)
    {
        _check = check ?? throw new ArgumentNullException(nameof(check));
        _time = time ?? TimeProvider.System;
        Spacing = PollPolicy.Spacing(easyLimit);
    }

    /// <summary>How long after its request an export is first checked, and the least time between two checks of it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one export may take to complete, from when it is handed to the poller.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The least time between two checks: the minute's budget spread evenly.</summary>
    public TimeSpan Spacing { get; }

    /// <summary>Completes with the export once MaestroQA reports it complete; fails when it errored, timed out or a check failed.</summary>
    public Task<MqaExport> WaitAsync(MqaExport export, CancellationToken cancellationToken = default)
    {
        var waiter = new Waiter(export, _time.GetUtcNow().UtcDateTime, _time.GetTimestamp(), FirstCheck(export));
        lock (_gate)
        {
            _waiters.Add(waiter);
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
            _signal.TrySetResult(true);
        }

        waiter.Registration = cancellationToken.Register(() => Drop(waiter, w => w.Result.TrySetCanceled(cancellationToken)));
        return waiter.Result.Task;
    }

    public void Dispose()
    {
        _stop.Cancel();
        lock (_gate)
        {
            foreach (Waiter waiter in _waiters)
            {
                waiter.Result.TrySetCanceled();
            }

            _waiters.Clear();
        }
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DateTime FirstCheck(MqaExport export) =>
        export.RequestedAt == default ? _time.GetUtcNow().UtcDateTime : export.RequestedAt + PollInterval;

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Task signaled;
            Waiter? next;
            TimeSpan wait;
            lock (_gate)
            {
                if (_signal.Task.IsCompleted)
                {
                    _signal = NewSignal();
                }

                signaled = _signal.Task;
                (next, wait) = Choose();
            }

            if (next is null || wait > TimeSpan.Zero)
            {
                await SleepAsync(signaled, next is null ? System.Threading.Timeout.InfiniteTimeSpan : wait, stop).ConfigureAwait(false);
                continue;
            }

            _lastCheck = _time.GetTimestamp();
            await CheckAsync(next, stop).ConfigureAwait(false);
        }
    }

    /// <summary>The export to check next and how long until it may be checked (<see cref="PollPolicy"/>).</summary>
    private (Waiter? Next, TimeSpan Wait) Choose()
    {
        PollCandidate[] candidates = _waiters.Select(w => new PollCandidate(w.Export.RequestedAt, w.DueAt)).ToArray();
        TimeSpan sinceLastCheck = _lastCheck == long.MinValue ? TimeSpan.MaxValue : _time.GetElapsedTime(_lastCheck);
        return PollPolicy.Next(candidates, _time.GetUtcNow().UtcDateTime, sinceLastCheck, Spacing) is (int index, TimeSpan wait)
            ? (_waiters[index], wait)
            : (null, TimeSpan.Zero);
    }

    private async Task SleepAsync(Task signaled, TimeSpan wait, CancellationToken stop)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
#if NET
        Task delay = Task.Delay(wait, _time, cancel.Token);
#else
        Task delay = _time.Delay(wait, cancel.Token);
#endif
        await Task.WhenAny(signaled, delay).ConfigureAwait(false);
        cancel.Cancel();
    }

    private async Task CheckAsync(Waiter waiter, CancellationToken stop)
    {
        MqaExport checkedExport;
        try
        {
            checkedExport = await _check(waiter.Export, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (MaestroQAApiException ex) when (ex.Kind is ApiErrorKind.NetworkError or ApiErrorKind.ServerError or ApiErrorKind.RateLimited or ApiErrorKind.Timeout)
        {
            // Already retried by the transport: try again at the next interval, within the export's timeout.
            Reschedule(waiter, ex);
            return;
        }
        catch (Exception ex)
        {
            Drop(waiter, w => w.Result.TrySetException(ex));
            return;
        }

        waiter.Export = checkedExport;
        switch (checkedExport.Status)
        {
            case ExportStatus.Complete:
                Drop(waiter, w => w.Result.TrySetResult(checkedExport));
                CheckNextSoon(waiter);
                break;
            case ExportStatus.Errored:
                Drop(waiter, w => w.Result.TrySetException(ExportWaiter.Errored(checkedExport, advice: string.Empty)));
                break;
            default:
                Reschedule(waiter, failure: null);
                break;
        }
    }

    private void Reschedule(Waiter waiter, Exception? failure)
    {
        if (_time.GetElapsedTime(waiter.Since) >= Timeout)
        {
            Drop(waiter, w => w.Result.TrySetException(ExportWaiter.StillWaiting(waiter.Export, Timeout, failure)));
            return;
        }

        DateTime now = _time.GetUtcNow().UtcDateTime;
        DateTime requested = waiter.Export.RequestedAt == default ? waiter.Added : waiter.Export.RequestedAt;
        lock (_gate)
        {
            waiter.DueAt = now + PollPolicy.Interval(now - requested, PollInterval, MaxPollInterval);
        }
    }

    /// <summary>Exports tend to finish in request order: once one is complete, the one asked for next may be too.</summary>
    private void CheckNextSoon(Waiter completed)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            Waiter? next = _waiters.Where(w => w.Export.RequestedAt >= completed.Export.RequestedAt).OrderBy(w => w.Export.RequestedAt).FirstOrDefault();
            if (next is not null && next.DueAt > now)
            {
                next.DueAt = now;
            }
        }
    }

    private void Drop(Waiter waiter, Action<Waiter> settle)
    {
        lock (_gate)
        {
            _waiters.Remove(waiter);
        }

        waiter.Registration.Dispose();
        settle(waiter);
    }

    private sealed class Waiter
    {
        public Waiter(MqaExport export, DateTime added, long since, DateTime dueAt)
        {
            Export = export;
            Added = added;
            Since = since;
            DueAt = dueAt;
        }

        public MqaExport Export { get; set; }

        /// <summary>UTC, when handed to the poller.</summary>
        public DateTime Added { get; }

        /// <summary>Timestamp, for the timeout.</summary>
        public long Since { get; }

        public DateTime DueAt { get; set; }

        public TaskCompletionSource<MqaExport> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
