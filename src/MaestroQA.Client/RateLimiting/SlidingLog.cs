using System;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.RateLimiting;

/// <summary>
/// The latest grant times, as many as the larger limit allows, kept in time order: exactly what the two sliding
/// windows need to decide. Times are offsets from the limiter's creation. A grant can be re-dated later (never
/// earlier), so each has a sequence number to find it by.
/// </summary>
internal sealed class SlidingLog
{
    private readonly RateLimitPolicy _policy;
    private readonly TimeSpan[] _times;
    private readonly long[] _sequences;
    private int _count;
    private long _nextSequence;

    public SlidingLog(RateLimitPolicy policy)
    {
        _policy = policy;
        int capacity = Math.Max(policy.PerSecond, policy.PerMinute);
        _times = new TimeSpan[capacity];
        _sequences = new long[capacity];
    }

    private SlidingLog(SlidingLog source)
    {
        _policy = source._policy;
        _times = (TimeSpan[])source._times.Clone();
        _sequences = (long[])source._sequences.Clone();
        _count = source._count;
        _nextSequence = source._nextSequence;
        JitterAllowance = source.JitterAllowance;
    }

    /// <summary>Added to the policy's margin: how far apart the server may see two requests the limiter granted at once (see ApiRateLimiter).</summary>
    public TimeSpan JitterAllowance { get; set; }

    /// <summary>A copy kept to a stricter policy: the latest grants it can still need, with their sequence numbers.</summary>
    public SlidingLog WithPolicy(RateLimitPolicy policy)
    {
        var log = new SlidingLog(policy) { JitterAllowance = JitterAllowance, _nextSequence = _nextSequence };
        for (int i = Math.Max(0, _count - log._times.Length); i < _count; i++)
        {
            log.Insert(_times[i], _sequences[i]);
        }

        return log;
    }

    /// <summary>The earliest time one more grant keeps both windows within their limits.</summary>
    public TimeSpan NextAllowed => Max(
        WindowOpensAt(_policy.PerSecond, _policy.SecondWindow),
        WindowOpensAt(_policy.PerMinute, _policy.MinuteWindow));

    /// <summary>When the latest grant stops constraining anything, so the limiter acts as if new.</summary>
    public TimeSpan ForgottenAt => _count == 0 ? TimeSpan.Zero : NthLatest(1) + _policy.MinuteWindow + Margin;

    /// <summary>Records a grant; the number it returns finds it again for <see cref="Redate"/>.</summary>
    public long Record(TimeSpan time)
    {
        long sequence = _nextSequence++;
        if (_count == _times.Length)
        {
            // Full: the earliest grant can no longer constrain anything the later ones do not.
            RemoveAt(0);
        }

        Insert(time, sequence);
        return sequence;
    }

    /// <summary>Moves a grant to <paramref name="time"/> if that is later; one already forgotten is left so.</summary>
    public void Redate(long sequence, TimeSpan time)
    {
        int index = Array.IndexOf(_sequences, sequence, 0, _count);
        if (index < 0 || _times[index] >= time)
        {
            return;
        }

        RemoveAt(index);
        Insert(time, sequence);
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
        _count < limit ? TimeSpan.Zero : NthLatest(limit) + window + Margin;

    private TimeSpan Margin => _policy.SafetyMargin + JitterAllowance;

    private TimeSpan NthLatest(int n) => _times[_count - n];

    // Grants arrive in time order except re-dated ones, so the scan from the end is short.
    private void Insert(TimeSpan time, long sequence)
    {
        int index = _count;
        while (index > 0 && _times[index - 1] > time)
        {
            _times[index] = _times[index - 1];
            _sequences[index] = _sequences[index - 1];
            index--;
        }

        _times[index] = time;
        _sequences[index] = sequence;
        _count++;
    }

    private void RemoveAt(int index)
    {
        Array.Copy(_times, index + 1, _times, index, _count - index - 1);
        Array.Copy(_sequences, index + 1, _sequences, index, _count - index - 1);
        _count--;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
