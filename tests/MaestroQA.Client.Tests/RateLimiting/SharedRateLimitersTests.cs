using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;

namespace MaestroQA.Client.Tests.RateLimiting;

public sealed class SharedRateLimitersTests
{
    // The registry lives for the process; a fresh key per test keeps tests apart.
    private readonly string _tokenKey = Guid.NewGuid().ToString("N");

    [Fact]
    public void GetOrCreate_SameTokenClassAndPolicy_SharesOneLimiter()
    {
        ApiRateLimiter[] limiters = [.. Enumerable.Range(0, 64).AsParallel()
            .Select(_ => SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, RateLimitPolicy.Easy))];

        Assert.All(limiters, limiter => Assert.Same(limiters[0], limiter));
    }

    [Fact]
    public void GetOrCreate_EqualPolicies_ShareOneLimiter()
    {
        Assert.Same(
            SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, new RateLimitPolicy(10, 100)),
            SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, RateLimitPolicy.Easy));
    }

    [Fact]
    public void GetOrCreate_DifferentTokenClassOrPolicy_GetSeparateLimiters()
    {
        ApiRateLimiter easy = SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, RateLimitPolicy.Easy);

        Assert.NotSame(easy, SharedRateLimiters.GetOrCreate(Guid.NewGuid().ToString("N"), EndpointClass.Easy, RateLimitPolicy.Easy));
        Assert.NotSame(easy, SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Demanding, RateLimitPolicy.Easy));
        Assert.NotSame(easy, SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, RateLimitPolicy.Easy with { SafetyMargin = TimeSpan.Zero }));
    }

    [Fact]
    public void GetOrCreate_RequiresATokenKey()
    {
        Assert.Throws<ArgumentException>(() => SharedRateLimiters.GetOrCreate(string.Empty, EndpointClass.Easy, RateLimitPolicy.Easy));
    }
}
