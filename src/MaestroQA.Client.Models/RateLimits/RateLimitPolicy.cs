using System;

namespace MaestroQA.Client.Models;

/// <summary>
/// How many requests one token may make in any sliding second and in any sliding minute.
/// The server counts both windows anywhere in time, not per calendar second or minute.
/// </summary>
public sealed record RateLimitPolicy(int PerSecond, int PerMinute)
{
    private readonly TimeSpan _safetyMargin = TimeSpan.FromMilliseconds(30);
    private readonly double _windowScale = 1.0;

    public static RateLimitPolicy Demanding { get; } = new(1, 30);

    public static RateLimitPolicy Easy { get; } = new(10, 100);

    public int PerSecond { get; } = AtLeastOne(PerSecond, nameof(PerSecond));

    public int PerMinute { get; } = AtLeastOne(PerMinute, nameof(PerMinute));

    /// <summary>Added to both windows, so clock drift and network jitter cannot push two requests into one server window.</summary>
    public TimeSpan SafetyMargin
    {
        get => _safetyMargin;
        init => _safetyMargin = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SafetyMargin), value, "The safety margin cannot be negative.");
    }

    /// <summary>Multiplies the one-second and one-minute windows; lets tests run against a mock server whose windows are scaled the same way.</summary>
    public double WindowScale
    {
        get => _windowScale;
        init => _windowScale = value > 0 && !double.IsInfinity(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WindowScale), value, "The window scale must be a positive, finite number.");
    }

    /// <summary>
    /// The least time from the first to the last of <paramref name="requests"/> requests, each sent as early as both
    /// windows allow: what a long run of exports costs, for estimates users are shown.
    /// </summary>
    public TimeSpan MinimumDuration(int requests)
    {
        var grants = new TimeSpan[Math.Max(0, requests)];
        for (int i = 1; i < grants.Length; i++)
        {
            TimeSpan bySecond = i >= PerSecond ? grants[i - PerSecond] + SecondWindow : TimeSpan.Zero;
            TimeSpan byMinute = i >= PerMinute ? grants[i - PerMinute] + MinuteWindow : TimeSpan.Zero;
            TimeSpan earliest = bySecond > byMinute ? bySecond : byMinute;
            grants[i] = earliest > grants[i - 1] ? earliest : grants[i - 1];
        }

        return grants.Length == 0 ? TimeSpan.Zero : grants[grants.Length - 1];
    }

    internal TimeSpan SecondWindow => Scale(TimeSpan.TicksPerSecond);

    internal TimeSpan MinuteWindow => Scale(TimeSpan.TicksPerMinute);

    // TimeSpan.FromSeconds rounds to whole milliseconds on .NET Framework; ticks stay exact.
    private TimeSpan Scale(long ticks) => TimeSpan.FromTicks((long)Math.Round(ticks * WindowScale));

    private static int AtLeastOne(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "A rate limit allows at least one request per window.");
}
