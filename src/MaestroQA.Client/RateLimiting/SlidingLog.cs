using System;

namespace MaestroQA.Client.RateLimiting;

/// <summary>
/// The latest grant times, as many as the larger limit allows: exactly what the two sliding windows need to decide.
/// Times are offsets from the limiter's creation.
/// </summary>
internal sealed class SlidingLog
{
    private readonly RateLimitPolicy _policy;
    private readonly TimeSpan[] _grants;
    private int _count;
    private int _next;

    public SlidingLog(RateLimitPolicy policy)
    {
        _policy = policy;
        _grants = new TimeSpan[Math.Max(policy.PerSecond, policy.PerMinute)];
    }

    private SlidingLog(SlidingLog source)
    {
        _policy = source._policy;
        _grants = (TimeSpan[])source._grants.Clone();
        _count = source._count;
        _next = source._next;
    }

    /// <summary>The earliest time one more grant keeps both windows within their limits.</summary>
    public TimeSpan NextAllowed => Max(
        WindowOpensAt(_policy.PerSecond, _policy.SecondWindow),
        WindowOpensAt(_policy.PerMinute, _policy.MinuteWindow));

    /// <summary>When the latest grant stops constraining anything, so the limiter acts as if new.</summary>
    public TimeSpan ForgottenAt => _count == 0 ? TimeSpan.Zero : NthLatest(1) + _policy.MinuteWindow + _policy.SafetyMargin;

    public void Record(TimeSpan time)
    {
        _grants[_next] = time;
        _next = (_next + 1) % _grants.Length;
        _count = Math.Min(_count + 1, _grants.Length);
    }

    public int CountAfter(TimeSpan time)
    {
        int count = 0;
        while (count < _count && NthLatest(count + 1) > time)
        {
            count++;
        }

        return count;
    }

    /// <summary>When a request could be granted after <paramref name="ahead"/> earlier ones, each granted as early as allowed.</summary>
    public TimeSpan EarliestGrant(TimeSpan now, int ahead)
    {
        SlidingLog log = ahead == 0 ? this : new SlidingLog(this);
        TimeSpan time = Max(now, log.NextAllowed);
        for (int i = 0; i < ahead; i++)
        {
            log.Record(time);
            time = Max(time, log.NextAllowed);
        }

        return time;
    }

    // A window holding `limit` grants opens again once the oldest of them has slid out, plus the margin.
    private TimeSpan WindowOpensAt(int limit, TimeSpan window) =>
        _count < limit ? TimeSpan.Zero : NthLatest(limit) + window + _policy.SafetyMargin;

    private TimeSpan NthLatest(int n) => _grants[(_next - n + _grants.Length) % _grants.Length];

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
