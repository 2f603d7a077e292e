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
    public void GetOrCreate_DifferentTokenClassOrWindowScale_GetSeparateLimiters()
    {
        ApiRateLimiter easy = SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, RateLimitPolicy.Easy);

        Assert.NotSame(easy, SharedRateLimiters.GetOrCreate(Guid.NewGuid().ToString("N"), EndpointClass.Easy, RateLimitPolicy.Easy));
        Assert.NotSame(easy, SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Demanding, RateLimitPolicy.Easy));
        Assert.NotSame(easy, SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, RateLimitPolicy.Easy with { WindowScale = 0.1 }));
    }

    [Fact]
    public void GetOrCreate_OneTokenAskingForDifferentLimits_SharesOneLimiter_KeptToTheStrictest()
    {
        ApiRateLimiter first = SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, new RateLimitPolicy(40, 1_200));
        ApiRateLimiter second = SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, new RateLimitPolicy(10, 3_000) { SafetyMargin = TimeSpan.FromMilliseconds(80) });
        ApiRateLimiter third = SharedRateLimiters.GetOrCreate(_tokenKey, EndpointClass.Easy, new RateLimitPolicy(50, 5_000));

        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.Equal(new RateLimitPolicy(10, 1_200) { SafetyMargin = TimeSpan.FromMilliseconds(80) }, first.Policy);
        Assert.Equal(first.Policy, SharedRateLimiters.CurrentPolicy(_tokenKey, EndpointClass.Easy, 1.0));
        Assert.Null(SharedRateLimiters.CurrentPolicy(_tokenKey, EndpointClass.Demanding, 1.0));
    }

    [Fact]
    public void GetOrCreate_RequiresATokenKey()
    {
        Assert.Throws<ArgumentException>(() => SharedRateLimiters.GetOrCreate(string.Empty, EndpointClass.Easy, RateLimitPolicy.Easy));
    }
}
