using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>
/// The documented limits with the safety margin pinned at 50 ms, so the instants the tests expect are round numbers
/// and stay right when the shipped default margin is tuned (RateLimitPolicyTests checks the default itself).
/// </summary>
internal static class PinnedPolicies
{
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(50);

    public static RateLimitPolicy Demanding { get; } = RateLimitPolicy.Demanding with { SafetyMargin = Margin };

    public static RateLimitPolicy Easy { get; } = RateLimitPolicy.Easy with { SafetyMargin = Margin };
}
