using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.RateLimiting;

public sealed class SlidingWindowPropertyTests
{
    private const int Seeds = 200;

    private static readonly Dictionary<string, RateLimitPolicy> Policies = new()
    {
        ["Demanding"] = RateLimitPolicy.Demanding,
        ["Easy"] = RateLimitPolicy.Easy,
        ["Easy, windows scaled to a tenth"] = RateLimitPolicy.Easy with { WindowScale = 0.1, SafetyMargin = TimeSpan.FromMilliseconds(5) },
    };

    public static TheoryData<string> PolicyNames => [.. Policies.Keys];

    [Theory]
    [MemberData(nameof(PolicyNames))]
    public void RandomTraffic_StaysWithinBothWindows_AndIsGrantedAsSoonAsTheyAllow(string policyName)
    {
        RateLimitPolicy policy = Policies[policyName];
        for (int seed = 0; seed < Seeds; seed++)
        {
            TimeSpan[] arrivals = ArrivalPatterns.Generate(seed, policy.WindowScale);
            TimeSpan[] grants = LimiterSimulation.Run(policy, arrivals);

            AssertNoWindowHoldsMore(grants, policy.SecondWindow, policy.PerSecond, seed);
            AssertNoWindowHoldsMore(grants, policy.MinuteWindow, policy.PerMinute, seed);
            AssertGrantedAsSoonAsAllowed(policy, arrivals, grants, seed);
        }
    }

    // As the server counts: any half-open window [t, t + window) anywhere in time.
    private static void AssertNoWindowHoldsMore(TimeSpan[] grants, TimeSpan window, int limit, int seed)
    {
        TimeSpan[] sorted = [.. grants.Order()];
        for (int first = 0; first + limit < sorted.Length; first++)
        {
            Assert.True(
                sorted[first + limit] - sorted[first] >= window,
                $"Seed {seed}: {limit + 1} grants within {window}, from {sorted[first]} to {sorted[first + limit]}.");
        }
    }

    // First come, first served, and no later than the arrival, the previous grant and both padded windows require.
    private static void AssertGrantedAsSoonAsAllowed(RateLimitPolicy policy, TimeSpan[] arrivals, TimeSpan[] grants, int seed)
    {
        for (int i = 0; i < grants.Length; i++)
        {
            TimeSpan[] constraints =
            [
                arrivals[i],
                i > 0 ? grants[i - 1] : TimeSpan.Zero,
                i >= policy.PerSecond ? grants[i - policy.PerSecond] + policy.SecondWindow + policy.SafetyMargin : TimeSpan.Zero,
                i >= policy.PerMinute ? grants[i - policy.PerMinute] + policy.MinuteWindow + policy.SafetyMargin : TimeSpan.Zero,
            ];
            Assert.True(
                grants[i] == constraints.Max(),
                $"Seed {seed}: request {i} arrived at {arrivals[i]} and was granted at {grants[i]}; the earliest allowed was {constraints.Max()}.");
        }
    }
}
