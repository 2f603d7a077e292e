using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using static MaestroQA.Client.Tests.RateLimiting.DeniedLease;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>
/// When the server refuses what the limits allowed, someone else is using the token's window: no permit until that
/// window must have freed (a minute plus the margin), however short the server's Retry-After.
/// </summary>
public sealed class RefusalHoldTests : IDisposable
{
    private readonly SteppingTimeProvider _clock = new();
    private readonly ApiRateLimiter _demanding;

    public RefusalHoldTests() => _demanding = new ApiRateLimiter(PinnedPolicies.Demanding, _clock);

    public void Dispose() => _demanding.Dispose();

    private static TimeSpan Window => PinnedPolicies.Demanding.MinuteWindow + PinnedPolicies.Demanding.SafetyMargin;

    [Fact]
    public void AShortRetryAfter_HoldsTheClassForTheWholeWindow()
    {
        Assert.True(_demanding.AttemptAcquire().IsAcquired);

        Assert.Equal(Window, _demanding.HoldAfterRefusal(TimeSpan.FromSeconds(1)));

        Assert.Equal(Window, RetryAfter(_demanding.AttemptAcquire()));
        _clock.Advance(Window - TimeSpan.FromTicks(1));
        Assert.False(_demanding.AttemptAcquire().IsAcquired);
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(_demanding.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void ARetryAfterLongerThanTheWindow_IsHeldWhole()
    {
        Assert.Equal(TimeSpan.FromMinutes(3), _demanding.HoldAfterRefusal(TimeSpan.FromMinutes(3)));

        Assert.Equal(TimeSpan.FromMinutes(3), RetryAfter(_demanding.AttemptAcquire()));
    }

    [Fact]
    public void ARefusalDuringAHold_ExtendsIt_WithoutStartingANewOne()
    {
        Assert.NotNull(_demanding.HoldAfterRefusal(TimeSpan.Zero));
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(_demanding.HoldAfterRefusal(TimeSpan.Zero));

        Assert.Equal(Window, RetryAfter(_demanding.AttemptAcquire()));
        Assert.Equal(Window, _demanding.GetSnapshot().HeldFor);
    }

    [Fact]
    public async Task AWaiterQueuedBeforeTheHold_IsGrantedOnlyWhenItEnds()
    {
        Assert.True(_demanding.AttemptAcquire().IsAcquired);
        Task<System.Threading.RateLimiting.RateLimitLease> waiter = _demanding.AcquireAsync().AsTask();
        _demanding.HoldAfterRefusal(TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiter.IsCompleted);
        _clock.AdvanceTo(Window);

        Assert.True((await waiter).IsAcquired);
    }
}
