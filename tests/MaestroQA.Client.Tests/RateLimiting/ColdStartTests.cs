using System.Threading.RateLimiting;
using MaestroQA.Client.RateLimiting;
using static MaestroQA.Client.Tests.RateLimiting.DeniedLease;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>
/// The first requests of a cold limiter can reach the server late (connections to open, code to load), so their grants
/// are re-dated to when their answer came: the latest the server can have seen them.
/// </summary>
public sealed class ColdStartTests : IDisposable
{
    private static readonly TimeSpan Margin = PinnedPolicies.Margin;
    private readonly SteppingTimeProvider _clock = new();
    private readonly ApiRateLimiter _demanding;

    public ColdStartTests() => _demanding = new ApiRateLimiter(PinnedPolicies.Demanding, _clock);

    public void Dispose() => _demanding.Dispose();

    [Fact]
    public void TheFirstGrant_CountsFromWhenItsAnswerCame()
    {
        RateLimitLease first = _demanding.AttemptAcquire();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        first.Dispose();

        Assert.Equal(TimeSpan.FromMilliseconds(300) + TimeSpan.FromSeconds(1) + Margin - _clock.Elapsed, RetryAfter(_demanding.AttemptAcquire()));
    }

    [Fact]
    public void OnceAnAnswerHasCome_GrantsKeepTheirOwnTime()
    {
        RateLimitLease first = _demanding.AttemptAcquire();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        first.Dispose();
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(1_350));
        RateLimitLease second = _demanding.AttemptAcquire();
        Assert.True(second.IsAcquired);

        _clock.Advance(TimeSpan.FromMilliseconds(400));
        second.Dispose();

        Assert.Equal(TimeSpan.FromMilliseconds(1_350) + TimeSpan.FromSeconds(1) + Margin - _clock.Elapsed, RetryAfter(_demanding.AttemptAcquire()));
    }

    [Fact]
    public void GrantsMadeBeforeAnyAnswer_AreAllCold()
    {
        using var easy = new ApiRateLimiter(PinnedPolicies.Easy, _clock);
        RateLimitLease[] burst = [.. Enumerable.Range(0, 10).Select(_ => easy.AttemptAcquire())];
        Assert.All(burst, lease => Assert.True(lease.IsAcquired));

        // Answers come back 100 to 190 ms later; each of the ten moves to its answer.
        for (int i = 0; i < burst.Length; i++)
        {
            _clock.AdvanceTo(TimeSpan.FromMilliseconds(100 + (10 * i)));
            burst[i].Dispose();
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100) + TimeSpan.FromSeconds(1) + Margin - _clock.Elapsed, RetryAfter(easy.AttemptAcquire()));
    }

    [Fact]
    public void AReDatedGrant_TakesItsPlaceAmongLaterOnes()
    {
        using var easy = new ApiRateLimiter(PinnedPolicies.Easy, _clock);
        RateLimitLease first = easy.AttemptAcquire();
        RateLimitLease[] rest = [.. Enumerable.Range(0, 9).Select(_ => easy.AttemptAcquire())];
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(500));
        first.Dispose();

        // Nine grants at 0 and one at 500: the window holding all ten opens a second after the earliest of them.
        _clock.AdvanceTo(TimeSpan.FromSeconds(1) + Margin);
        Assert.True(easy.AttemptAcquire().IsAcquired);
        for (int i = 1; i < 9; i++)
        {
            Assert.True(easy.AttemptAcquire().IsAcquired);
        }

        // Now the tenth latest is the re-dated one.
        Assert.Equal(TimeSpan.FromMilliseconds(500), RetryAfter(easy.AttemptAcquire()));
        GC.KeepAlive(rest);
    }

    [Fact]
    public void AfterIdlingLongEnoughToForgetEveryGrant_TheLimiterIsColdAgain()
    {
        RateLimitLease first = _demanding.AttemptAcquire();
        first.Dispose();
        _clock.Advance(TimeSpan.FromMinutes(1) + Margin);

        RateLimitLease afterIdle = _demanding.AttemptAcquire();
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        afterIdle.Dispose();

        Assert.Equal(TimeSpan.FromMilliseconds(250) + TimeSpan.FromSeconds(1) + Margin - TimeSpan.FromMilliseconds(250), RetryAfter(_demanding.AttemptAcquire()));
    }

    [Fact]
    public void AWarmGrantWhoseAttemptOpenedAConnection_IsReDatedToo()
    {
        _demanding.AttemptAcquire().Dispose();
        _clock.AdvanceTo(TimeSpan.FromSeconds(1) + Margin);
        RateLimitLease second = _demanding.AttemptAcquire();
        ((PermitLease)second).MarkCold();
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        second.Dispose();

        Assert.Equal(TimeSpan.FromSeconds(1) + Margin, RetryAfter(_demanding.AttemptAcquire()));
    }

    [Fact]
    public void ReleasingTwice_ReDatesOnce()
    {
        RateLimitLease first = _demanding.AttemptAcquire();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        first.Dispose();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        first.Dispose();

        Assert.Equal(TimeSpan.FromMilliseconds(300) + TimeSpan.FromSeconds(1) + Margin - _clock.Elapsed, RetryAfter(_demanding.AttemptAcquire()));
    }

    [Fact]
    public async Task AQueuedRequest_WaitsForTheReDatedGrant()
    {
        RateLimitLease first = _demanding.AttemptAcquire();
        Task<RateLimitLease> queued = _demanding.AcquireAsync().AsTask();
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(400));
        first.Dispose();

        _clock.AdvanceTo(TimeSpan.FromSeconds(1) + Margin);
        Assert.False(queued.IsCompleted);
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(400) + TimeSpan.FromSeconds(1) + Margin);
        Assert.True((await queued).IsAcquired);
    }
}
