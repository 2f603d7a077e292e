using System;

namespace MaestroQA.Client.RateLimiting;

/// <summary>
/// The spread of recent requests' travel times, grant to answer: how much later than another the server may see a
/// request the limiter granted at the same moment. Travel times that differ by up to that much can push two requests
/// granted a window apart into one server window, so the limiter widens its windows by it.
/// </summary>
internal sealed class LatencySpread
{
    /// <summary>Recent enough to follow the network, long enough to see its jitter.</summary>
    private const int Capacity = 16;

    /// <summary>Fewer samples say too little about the spread; until then the policy's margin alone holds.</summary>
    private const int MinimumSamples = 8;

    /// <summary>A pause (a GC, a stalled proxy) should not slow every later request by more than this.</summary>
    public static readonly TimeSpan MaxAllowance = TimeSpan.FromMilliseconds(500);

    private readonly TimeSpan[] _samples = new TimeSpan[Capacity];
    private int _count;
    private int _next;

    /// <summary>Adds a travel time; returns the allowance: the spread of the recent ones, capped.</summary>
    public TimeSpan Add(TimeSpan travelTime)
    {
        _samples[_next] = travelTime;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
        if (_count < MinimumSamples)
        {
            return TimeSpan.Zero;
        }

        TimeSpan min = TimeSpan.MaxValue;
        TimeSpan max = TimeSpan.MinValue;
        for (int i = 0; i < _count; i++)
        {
            min = _samples[i] < min ? _samples[i] : min;
            max = _samples[i] > max ? _samples[i] : max;
        }

        TimeSpan spread = max - min;
        return spread < MaxAllowance ? spread : MaxAllowance;
    }
}
