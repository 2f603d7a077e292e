namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>With a backlog, the limiter must reach the documented ceilings, not merely stay under them.</summary>
public sealed class ThroughputCeilingTests
{
    [Fact]
    public void EasyBacklog_RunsAtTenPerSecond_UntilTheMinuteBudgetIsSpent_ThenAHundredPerMinute()
    {
        TimeSpan[] grants = LimiterSimulation.RunBacklog(PinnedPolicies.Easy, 300);

        // Ten every padded second: the 100th grant comes nine times 1.05 s in.
        Assert.Equal(TimeSpan.FromMilliseconds(9 * 1_050), grants[99]);

        // Then each hundred waits for the matching grant of the previous hundred to leave the padded minute.
        Assert.Equal(TimeSpan.FromMilliseconds(60_050), grants[100]);
        Assert.Equal(TimeSpan.FromMilliseconds((2 * 60_050) + (9 * 1_050)), grants[299]);
    }

    [Fact]
    public void DemandingBacklog_RunsAtOnePerSecond_UntilTheMinuteBudgetIsSpent_ThenThirtyPerMinute()
    {
        TimeSpan[] grants = LimiterSimulation.RunBacklog(PinnedPolicies.Demanding, 90);

        Assert.Equal(TimeSpan.FromMilliseconds(29 * 1_050), grants[29]);
        Assert.Equal(TimeSpan.FromMilliseconds(60_050), grants[30]);
        Assert.Equal(TimeSpan.FromMilliseconds((2 * 60_050) + (29 * 1_050)), grants[89]);
    }
}
