using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Models;
using MaestroQA.Client.Threading;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Api.Polling;

/// <summary>
/// Waits for exports with one status check at a time, on one <see cref="PollSchedule"/>: a single wait is this with
/// one export. It spends the easy-endpoint budget where it pays: the oldest due export first (exports tend to finish
/// in the order they were asked for), checks spread evenly over the minute rather than spent in a burst, and when
/// one export completes the next younger one is checked at once. The rate limiter still paces every check.
/// </summary>
/// <remarks>
/// A check that fails for a reason that may pass (the network, a 5xx, a 429 the retries could not wait out, an answer
/// that is not MaestroQA's) is tried again at the next interval. An export is declared stuck only by a check made
/// after its wait ran out: one that began before (say it waited out a pause the server asked for) is followed by
/// one more, so an export that completed meanwhile is seen complete, not lost.
/// </remarks>
public sealed class ExportPoller : IDisposable
{
    private readonly Func<MqaExport, CancellationToken, Task<MqaExport>> _check;
    private readonly TimeProvider _time;
    private readonly IApiLog _log;
    private readonly object _gate = new();
    private readonly List<Waiter> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ChangeSignal _signal = new();
    private Task? _loop;
    private long _lastCheck = long.MinValue;

    /// <param name="check">One status check (IExportApi.GetExportAsync).</param>
    /// <param name="easyLimit">The budget checks draw on: checks are spaced by its minute window over its per-minute count.</param>
    public ExportPoller(Func<MqaExport, CancellationToken, Task<MqaExport>> check, RateLimitPolicy easyLimit, PollSchedule? schedule = null, IApiLog? log = null, TimeProvider? time = null)
    {
        _check = check ?? throw new ArgumentNullException(nameof(check));
        _time = time ?? TimeProvider.System;
        _log = log ?? NullApiLog.Instance;
        Schedule = schedule ?? PollSchedule.Default;
        Spacing = PollSchedule.Spacing(easyLimit);
    }

    public PollSchedule Schedule { get; }

    /// <summary>The least time between two checks: the minute's budget spread evenly.</summary>
    public TimeSpan Spacing { get; }

    /// <summary>
    /// Completes with the export once MaestroQA reports it complete; fails with ExportFailed when it errored, Timeout
    /// when it took too long, or the check's own error when that cannot pass (a refused token, an unknown export).
    /// </summary>
    /// <param name="onChecked">Told of every successful check of this export and the time since its wait began; called on the poller's thread.</param>
    public Task<MqaExport> WaitAsync(MqaExport export, Action<MqaExport, TimeSpan>? onChecked = null, CancellationToken cancellationToken = default)
    {
        var waiter = new Waiter(export, _time.GetUtcNow().UtcDateTime, _time.GetTimestamp(), FirstCheck(export), onChecked);
        lock (_gate)
        {
            _waiters.Add(waiter);
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
            _signal.Changed();
        }

        waiter.Registration = cancellationToken.Register(() => Settle(waiter, w => w.Result.TrySetCanceled(cancellationToken)));
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

    private static bool MayPass(MaestroQAApiException failure) =>
        failure.Kind is ApiErrorKind.NetworkError or ApiErrorKind.ServerError or ApiErrorKind.RateLimited or ApiErrorKind.Timeout or ApiErrorKind.UnexpectedResponse;

    /// <summary>A request time ahead of this clock (another machine's, a hand-edited state) must not put the first check off.</summary>
    private DateTime FirstCheck(MqaExport export)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        return export.RequestedAt == default ? now : (export.RequestedAt < now ? export.RequestedAt : now) + Schedule.PollInterval;
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Task signaled;
            Waiter? next;
            TimeSpan wait;
            lock (_gate)
            {
                signaled = _signal.NextChange();
                (next, wait) = Choose();
            }

            if (next is null || wait > TimeSpan.Zero)
            {
                await SleepAsync(signaled, next is null ? Timeout.InfiniteTimeSpan : wait, stop).ConfigureAwait(false);
                continue;
            }

            _lastCheck = _time.GetTimestamp();
            await CheckAsync(next, stop).ConfigureAwait(false);
        }
    }

    private (Waiter? Next, TimeSpan Wait) Choose()
    {
        PollCandidate[] candidates = _waiters.Select(w => new PollCandidate(w.Export.RequestedAt, w.DueAt)).ToArray();
        TimeSpan sinceLastCheck = _lastCheck == long.MinValue ? TimeSpan.MaxValue : _time.GetElapsedTime(_lastCheck);
        return PollSchedule.Next(candidates, _time.GetUtcNow().UtcDateTime, sinceLastCheck, Spacing) is (int index, TimeSpan wait)
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
        bool begunAfterDeadline = TimedOut(waiter);
        MqaExport checkedExport;
        try
        {
            checkedExport = await _check(waiter.Export, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (MaestroQAApiException failure) when (MayPass(failure))
        {
            // Already retried by the transport: try again at the next interval, or say why it is given up.
            if (begunAfterDeadline)
            {
                Settle(waiter, w => w.Result.TrySetException(ExportWaitErrors.StillWaiting(w.Export, Schedule.Timeout, w.LastChecked, failure)));
            }
            else
            {
                Reschedule(waiter);
            }

            return;
        }
        catch (Exception ex)
        {
            Settle(waiter, w => w.Result.TrySetException(ex));
            return;
        }

        waiter.Export = checkedExport;
        waiter.LastChecked = _time.GetUtcNow().UtcDateTime;
        waiter.OnChecked?.Invoke(checkedExport, _time.GetElapsedTime(waiter.Since));
        switch (checkedExport.Status)
        {
            case ExportStatus.Complete:
                Settle(waiter, w => w.Result.TrySetResult(checkedExport));
                CheckNextSoon(waiter);
                return;
            case ExportStatus.Errored:
                Settle(waiter, w => w.Result.TrySetException(ExportWaitErrors.Errored(checkedExport)));
                return;
            case ExportStatus.Unknown when checkedExport.ServerStatus != waiter.LastUnknownStatus:
                // New statuses may come (the article lists four): keep waiting, but say so.
                waiter.LastUnknownStatus = checkedExport.ServerStatus;
                _log.Warning(ExportWaitErrors.UnknownStatus(checkedExport));
                break;
        }

        if (TimedOut(waiter))
        {
            Settle(waiter, w => w.Result.TrySetException(ExportWaitErrors.StillWaiting(w.Export, Schedule.Timeout, w.LastChecked)));
            return;
        }

        Reschedule(waiter);
    }

    private bool TimedOut(Waiter waiter) => _time.GetElapsedTime(waiter.Since) >= Schedule.Timeout;

    /// <summary>Due again after half its age; at once when its wait has run out meanwhile, for the check that decides.</summary>
    private void Reschedule(Waiter waiter)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        DateTime requested = waiter.Export.RequestedAt == default ? waiter.Added : waiter.Export.RequestedAt;
        lock (_gate)
        {
            waiter.DueAt = TimedOut(waiter) ? now : now + Schedule.IntervalAt(now - requested);
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

    private void Settle(Waiter waiter, Action<Waiter> settle)
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
        public Waiter(MqaExport export, DateTime added, long since, DateTime dueAt, Action<MqaExport, TimeSpan>? onChecked)
        {
            Export = export;
            Added = added;
            Since = since;
            DueAt = dueAt;
            OnChecked = onChecked;
        }

        public MqaExport Export { get; set; }

        /// <summary>UTC, when handed to the poller.</summary>
        public DateTime Added { get; }

        /// <summary>Timestamp, for the timeout.</summary>
        public long Since { get; }

        public DateTime DueAt { get; set; }

        public Action<MqaExport, TimeSpan>? OnChecked { get; }

        /// <summary>UTC, when a check of it last succeeded; null until one has.</summary>
        public DateTime? LastChecked { get; set; }

        public string? LastUnknownStatus { get; set; }

        public TaskCompletionSource<MqaExport> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
