using MaestroQA.Client.RateLimiting;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>Each test pins a way the stock limiters overrun or underuse the API's sliding windows.</summary>
public sealed class KnownTrapTests
{
    [Fact]
    public void TokenBucket_BurstsAtTheEndOfOnePeriodAndTheStartOfTheNext_DoNotDoubleTheRate()
    {
        TimeSpan[] arrivals = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(900), 10), .. Enumerable.Repeat(TimeSpan.FromMilliseconds(1_100), 10)];

        TimeSpan[] grants = LimiterSimulation.Run(PinnedPolicies.Easy, arrivals);

        Assert.All(grants[..10], grant => Assert.Equal(TimeSpan.FromMilliseconds(900), grant));
        Assert.All(grants[10..], grant => Assert.Equal(TimeSpan.FromMilliseconds(1_950), grant));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public void TimerRefill_TwoRequestsAroundATick_LandAPaddedSecondApart(int millisecondsFromTick)
    {
        TimeSpan tick = TimeSpan.FromSeconds(1);
        TimeSpan offset = TimeSpan.FromMilliseconds(millisecondsFromTick);

        TimeSpan[] grants = LimiterSimulation.Run(PinnedPolicies.Demanding, [tick - offset, tick + offset]);

        Assert.Equal(TimeSpan.FromMilliseconds(1_050), grants[1] - grants[0]);
    }

    [Fact]
    public void PerMinuteBucket_DoesNotSpreadAShortJobOverTheMinute()
    {
        TimeSpan[] grants = LimiterSimulation.RunBacklog(PinnedPolicies.Easy, 50);

        // 10/s: five padded seconds' worth; pacing at 100/min would take 29.4 s.
        Assert.Equal(TimeSpan.FromMilliseconds(4 * 1_050), grants[^1]);
    }

    [Fact]
    public void SlidingWindowSegments_NeverHandAPermitBackBeforeTheWholeWindowHasPassed()
    {
        var clock = new SteppingTimeProvider();
        using var limiter = new ApiRateLimiter(PinnedPolicies.Demanding, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromMilliseconds(500));

        Task waiting = limiter.AcquireAsync().AsTask();
        clock.AdvanceTo(TimeSpan.FromMilliseconds(1_049));
        Assert.False(waiting.IsCompleted);
        clock.AdvanceTo(TimeSpan.FromMilliseconds(1_050));
        Assert.True(waiting.IsCompletedSuccessfully);
    }
}
