using System.Threading.RateLimiting;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using static MaestroQA.Client.Tests.RateLimiting.DeniedLease;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>A limiter made stricter while in use keeps the grants it made, and counts them against the new limits.</summary>
public sealed class TightenTests
{
    [Fact]
    public void TheGrantsAlreadyMade_CountAgainstTheStricterLimits()
    {
        var clock = new SteppingTimeProvider();
        using var limiter = new ApiRateLimiter(new RateLimitPolicy(40, 1_200) { SafetyMargin = PinnedPolicies.Margin }, clock);
        for (int i = 0; i < 12; i++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
        }

        Assert.True(limiter.Tighten(PinnedPolicies.Easy));
        Assert.False(limiter.Tighten(PinnedPolicies.Easy));

        // Twelve granted now, ten allowed a second: nothing more until a second and the margin have passed.
        Assert.Equal(TimeSpan.FromSeconds(1) + PinnedPolicies.Margin, RetryAfter(limiter.AttemptAcquire()));
        Assert.Equal(new RateLimitPolicy(10, 100) { SafetyMargin = PinnedPolicies.Margin }, limiter.Policy);
    }

    [Fact]
    public void LooserLimits_ChangeNothing()
    {
        using var limiter = new ApiRateLimiter(PinnedPolicies.Easy, new SteppingTimeProvider());

        Assert.False(limiter.Tighten(new RateLimitPolicy(40, 1_200)));
        Assert.Equal(PinnedPolicies.Easy, limiter.Policy);
    }
}
