using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.RateLimiting;

/// <summary>
/// Keeps one token's requests to an endpoint class within a <see cref="RateLimitPolicy"/>: never more than PerSecond
/// in any sliding second nor PerMinute in any sliding minute. Waiters are served first in, first out; thread-safe.
/// </summary>
/// <remarks>
/// An exact sliding log: grant at t only if the PerSecond-th latest grant is at least a second plus margin before t, and the
/// PerMinute-th latest at least a minute plus margin before t. Short jobs run at the per-second ceiling, long ones at the per-minute one.
/// The margin covers the usual spread in how long requests take to reach the server, but not a cold start: the first
/// requests open connections (TLS handshakes) and run code for the first time, so they can reach the server long after
/// their grant, closer to the requests after them. So a grant made while the limiter is cold, or whose attempt the transport
/// saw open a new connection (<see cref="PermitLease.MarkCold"/>), is re-dated when its lease is released (Polly does so once
/// the attempt has its answer) to that moment: the latest the server can have seen it.
/// Limiters from <see cref="SharedRateLimiters"/> live as long as the process; do not dispose them.
/// <para>
/// The server counts a request when it arrives, the limiter when it grants it, and the time between varies with the
/// network and the machine: two requests granted a second apart may arrive 0.9 s apart. So the limiter widens both
/// windows by the spread of its requests' recent travel times (grant to answer; <see cref="LatencySpread"/>) on top of
/// the policy's margin: a constant latency costs nothing, a jittery one the jitter.
/// </para>
/// <para>
/// Why not the stock System.Threading.RateLimiting limiters (Polly only needs a <see cref="RateLimiter"/>): the server
/// counts exact sliding windows, and each stock limiter disagrees with it somewhere. A token bucket or fixed window
/// refilled on a timer lets a burst at the end of one period and another at the start of the next reach the server
/// within one second; a timer tick between two requests lets them land closer than a second; a per-minute bucket
/// chained behind the per-second one spreads a short job over the whole minute; and the sliding window's segments hand
/// a permit back before the whole window has passed. KnownTrapTests (tests/MaestroQA.Client.Tests/RateLimiting) pins
/// each of these against this limiter.
/// </para>
/// </remarks>
public sealed class ApiRateLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _createdAt;
    private readonly LinkedList<PermitWaiter> _waiters = new();
    private readonly LatencySpread _latencies = new();
    private SlidingLog _grants;

    // No grant before this (an offset like the grants'): the server refused what the limits allowed (HoldAfterRefusal).
    private TimeSpan _heldUntil;

    // Wakes the head of the queue when its permit is due; state is computed from timestamps, never refilled by it.
    private readonly ITimer _wakeUp;
    // False until an attempt paced by this limiter has had its answer, and again once the limiter has been idle.
    private bool _warm;
    private long _successfulLeases;
    private long _failedLeases;
    private bool _disposed;

    public ApiRateLimiter(RateLimitPolicy policy, TimeProvider? time = null)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _time = time ?? TimeProvider.System;
        _createdAt = _time.GetTimestamp();
        _grants = new SlidingLog(policy);
        _wakeUp = _time.CreateTimer(
            static state => ((ApiRateLimiter)state!).GrantDueWaiters(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The limits this limiter keeps; <see cref="Tighten"/> may make them stricter, never looser.</summary>
    public RateLimitPolicy Policy { get; private set; }

    /// <summary>
    /// Keeps to <paramref name="requested"/> as well as to the limits held so far: the smaller PerSecond and PerMinute,
    /// the wider margin. Sessions that share a token share its budget, so the strictest of them holds for all.
    /// </summary>
    /// <returns>Whether the limits changed.</returns>
    public bool Tighten(RateLimitPolicy requested)
    {
        lock (_gate)
        {
            RateLimitPolicy strictest = new RateLimitPolicy(Math.Min(Policy.PerSecond, requested.PerSecond), Math.Min(Policy.PerMinute, requested.PerMinute))
            {
                SafetyMargin = Policy.SafetyMargin > requested.SafetyMargin ? Policy.SafetyMargin : requested.SafetyMargin,
                WindowScale = Policy.WindowScale,
            };
            if (strictest == Policy)
            {
                return false;
            }

            Policy = strictest;
            _grants = _grants.WithPolicy(strictest);
            return true;
        }
    }

    /// <summary>How much wider than its margin the limiter keeps its windows, for the spread in its requests' travel times.</summary>
    public TimeSpan JitterAllowance
    {
        get
        {
            lock (_gate)
            {
                return _grants.JitterAllowance;
            }
        }
    }

    /// <summary>How long the limiter has behaved exactly like a new one; null while anyone waits or a window still holds a grant.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                TimeSpan now = Now();
                TimeSpan forgottenAt = Max(_grants.ForgottenAt, _heldUntil);
                return _waiters.Count == 0 && forgottenAt <= now ? now - forgottenAt : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _waiters.Count == 0 && NextAllowed <= Now() ? 1 : 0,
                CurrentQueuedCount = _waiters.Count,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    public RateLimiterSnapshot GetSnapshot()
    {
        lock (_gate)
        {
            TimeSpan now = Now();
            return new RateLimiterSnapshot(
                _grants.CountAfter(now - Policy.SecondWindow),
                _grants.CountAfter(now - Policy.MinuteWindow),
                _waiters.Count,
                Policy,
                _grants.JitterAllowance)
            {
                HeldFor = _heldUntil > now ? _heldUntil - now : TimeSpan.Zero,
            };
        }
    }

    /// <summary>
    /// The server refused (429) a request these limits allowed: someone else is using the token's budget, and the
    /// requests of theirs that fill the server's window are older than now, so they have all left it one minute window
    /// from now. No permit is granted before then, nor before <paramref name="retryAfter"/> (the server's own word).
    /// </summary>
    /// <returns>How long the hold lasts when it starts now; null when a hold was already in force (it may be longer now).</returns>
    public TimeSpan? HoldAfterRefusal(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            TimeSpan now = Now();
            TimeSpan window = Policy.MinuteWindow + Policy.SafetyMargin + _grants.JitterAllowance;
            TimeSpan until = now + (retryAfter > window ? retryAfter : window);
            bool starts = _heldUntil <= now;
            _heldUntil = Max(_heldUntil, until);
            return starts ? _heldUntil - now : null;
        }
    }

    /// <summary>A permit at once, or a denied lease saying how long until one (<see cref="PermitLease.RetryAfter"/>).</summary>
    internal PermitLease TryAcquirePermit() => (PermitLease)AttemptAcquire(1);

    internal async ValueTask<PermitLease> AcquirePermitAsync(CancellationToken cancellationToken) =>
        (PermitLease)await AcquireAsync(1, cancellationToken).ConfigureAwait(false);

    /// <summary>Grants at once or fails with <see cref="MetadataName.RetryAfter"/>: the exact wait, counting the queue ahead.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermitCount(permitCount);
        lock (_gate)
        {
            ThrowIfDisposed();
            TimeSpan now = Now();
            TimeSpan grantAt = _grants.EarliestGrant(Max(now, _heldUntil), ahead: _waiters.Count(waiter => waiter.PermitCount == 1));
            if (grantAt <= now)
            {
                return Grant(permitCount, now);
            }

            _failedLeases++;
            return PermitLease.Denied(grantAt - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermitCount(permitCount);
        if (cancellationToken.IsCancellationRequested)
        {
            return new ValueTask<RateLimitLease>(Task.FromCanceled<RateLimitLease>(cancellationToken));
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            TimeSpan now = Now();
            if (_waiters.Count == 0 && NextAllowed <= now)
            {
                return new ValueTask<RateLimitLease>(Grant(permitCount, now));
            }

            var waiter = new PermitWaiter(permitCount);
            _waiters.AddLast(waiter.Node);
            if (_waiters.Count == 1)
            {
                ScheduleWakeUp(now);
            }

            // Registered under the lock so a grant always finds the registration to dispose; a cancel firing
            // right here re-enters the lock with the queue consistent.
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
            return new ValueTask<RateLimitLease>(waiter.Task);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        PermitWaiter[] abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            abandoned = _waiters.ToArray();
            _waiters.Clear();
        }

        _wakeUp.Dispose();
        foreach (PermitWaiter waiter in abandoned)
        {
            waiter.Complete(PermitLease.Abandoned);
        }
    }

    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(disposing: true);
        return default;
    }

    private void GrantDueWaiters()
    {
        var granted = new List<(PermitWaiter Waiter, PermitLease Lease)>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            TimeSpan now = Now();
            while (_waiters.First is { } head && NextAllowed <= now)
            {
                _waiters.Remove(head);
                granted.Add((head.Value, Grant(head.Value.PermitCount, now)));
            }

            if (_waiters.Count > 0)
            {
                ScheduleWakeUp(now);
            }
        }

        // Outside the lock: disposing a registration waits for a running cancel callback, which needs the lock.
        foreach ((PermitWaiter waiter, PermitLease lease) in granted)
        {
            waiter.Complete(lease);
        }
    }

    private void Cancel(PermitWaiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
        }

        waiter.TrySetCanceled(cancellationToken);
    }

    private PermitLease Grant(int permitCount, TimeSpan now)
    {
        _successfulLeases++;
        if (permitCount == 0)
        {
            return PermitLease.Acquired;
        }

        // Idle long enough to forget every grant: the connections it used may be closed too.
        if (_grants.ForgottenAt <= now)
        {
            _warm = false;
        }

        long sequence = _grants.Record(now);
        return PermitLease.Granted(cold => Release(sequence, now, cold), cold: !_warm);
    }

    private void Release(long sequence, TimeSpan grantedAt, bool cold)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _warm = true;
            TimeSpan now = Now();
            if (!cold)
            {
                _grants.JitterAllowance = _latencies.Add(now - grantedAt);
            }
            else
            {
                _grants.Redate(sequence, now);
                if (_waiters.Count > 0)
                {
                    ScheduleWakeUp(now);
                }
            }
        }
    }

    // Timers truncate to whole milliseconds; rounding up keeps them from waking before the permit is due.
    // A permit already due (a release can find one whose timer has not run yet) wakes the queue at once.
    private void ScheduleWakeUp(TimeSpan now)
    {
        long ticks = Math.Max(0, (NextAllowed - now).Ticks);
        long roundedUp = (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond;
        _wakeUp.Change(TimeSpan.FromTicks(roundedUp), Timeout.InfiniteTimeSpan);
    }

    private TimeSpan NextAllowed => Max(_grants.NextAllowed, _heldUntil);

    private TimeSpan Now() => _time.GetElapsedTime(_createdAt);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(ApiRateLimiter));
        }
    }

    private static void ValidatePermitCount(int permitCount)
    {
        if (permitCount > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Each request takes one permit; 0 only probes.");
        }
    }
}
