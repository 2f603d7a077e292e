using System.Globalization;

namespace MaestroQA.MockServer;

/// <param name="StampMs">When the limiter decided, on the server clock; the request record takes this time.</param>
internal readonly record struct RateDecision(bool Admitted, double StampMs, double RetryAfterMs);

/// <summary>
/// The article's per-token limits as true sliding windows: a request is admitted when the last second holds fewer
/// than perSecond and the last minute fewer than perMinute admitted requests of its class. Rejections are not counted.
/// </summary>
internal sealed class RateLimiter(ServerClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Token, EndpointClass Class), List<double>> _admitted = [];

    public RateDecision Decide(string token, EndpointClass endpointClass, LimitsConfig limits)
    {
        lock (_gate)
        {
            // Taken inside the lock, so stamps enter each window in order.
            var now = clock.ElapsedMs;
            if (!limits.Enabled)
            {
                return new RateDecision(true, now, 0);
            }

            if (!_admitted.TryGetValue((token, endpointClass), out var stamps))
            {
                _admitted[(token, endpointClass)] = stamps = [];
            }

            stamps.RemoveRange(0, CountAtOrBefore(stamps, now - limits.MinuteWindowMs));
            var (perSecond, perMinute) = limits.For(endpointClass);
            var waitMs = Math.Max(
                WaitForRoom(stamps, perSecond, limits.SecondWindowMs, now),
                WaitForRoom(stamps, perMinute, limits.MinuteWindowMs, now));
            if (waitMs > 0)
            {
                return new RateDecision(false, now, waitMs);
            }

            stamps.Add(now);
            return new RateDecision(true, now, 0);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _admitted.Clear();
        }
    }

    /// <summary>Time until the window holds fewer than <paramref name="limit"/> stamps: until the stamp that must leave, leaves.</summary>
    private static double WaitForRoom(List<double> stamps, int limit, double windowMs, double now)
    {
        var inWindow = stamps.Count - CountAtOrBefore(stamps, now - windowMs);
        return inWindow < limit ? 0 : stamps[^limit] + windowMs - now;
    }

    private static int CountAtOrBefore(List<double> sortedStamps, double time)
    {
        var count = 0;
        while (count < sortedStamps.Count && sortedStamps[count] <= time)
        {
            count++;
        }

        return count;
    }
}

internal static class RetryAfter
{
    public const string MillisecondsHeader = "Retry-After-Ms";

    /// <summary>
    /// Retry-After in whole seconds as HTTP requires (rounded up, at least 1); with scaled windows or injected faults the
    /// exact wait is also sent in the non-standard Retry-After-Ms.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(double waitMs, bool withMilliseconds)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(waitMs / 1000));
        var headers = new List<KeyValuePair<string, string>> { new("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)) };
        if (withMilliseconds)
        {
            headers.Add(new(MillisecondsHeader, ((long)Math.Ceiling(waitMs)).ToString(CultureInfo.InvariantCulture)));
        }

        return headers;
    }
}
