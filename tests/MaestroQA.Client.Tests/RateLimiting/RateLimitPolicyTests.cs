using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.RateLimiting;

public sealed class RateLimitPolicyTests
{
    [Fact]
    public void Presets_MatchTheVendorsLimits()
    {
        Assert.Equal((1, 30), (RateLimitPolicy.Demanding.PerSecond, RateLimitPolicy.Demanding.PerMinute));
        Assert.Equal((10, 100), (RateLimitPolicy.Easy.PerSecond, RateLimitPolicy.Easy.PerMinute));
        Assert.Equal(TimeSpan.FromMilliseconds(30), RateLimitPolicy.Easy.SafetyMargin);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Limits_MustAllowARequest(int perSecond, int perMinute)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitPolicy(perSecond, perMinute));
    }

    [Fact]
    public void SafetyMargin_CannotBeNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RateLimitPolicy.Easy with { SafetyMargin = TimeSpan.FromTicks(-1) });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void WindowScale_MustBePositiveAndFinite(double scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RateLimitPolicy.Easy with { WindowScale = scale });
    }

    [Fact]
    public void WindowScale_ScalesBothWindows()
    {
        RateLimitPolicy scaled = RateLimitPolicy.Easy with { WindowScale = 0.1 };

        Assert.Equal(TimeSpan.FromMilliseconds(100), scaled.SecondWindow);
        Assert.Equal(TimeSpan.FromSeconds(6), scaled.MinuteWindow);
    }
}
