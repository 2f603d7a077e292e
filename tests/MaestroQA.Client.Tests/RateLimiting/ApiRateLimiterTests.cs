using System.Threading.RateLimiting;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using static MaestroQA.Client.Tests.RateLimiting.DeniedLease;

namespace MaestroQA.Client.Tests.RateLimiting;

public sealed class ApiRateLimiterTests : IDisposable
{
    private readonly SteppingTimeProvider _clock = new();
    private readonly ApiRateLimiter _demanding;

    public ApiRateLimiterTests() => _demanding = new ApiRateLimiter(PinnedPolicies.Demanding, _clock);

    public void Dispose() => _demanding.Dispose();

    [Fact]
    public void AttemptAcquire_WhenDenied_SaysExactlyHowLongToWait()
    {
        Assert.True(_demanding.AttemptAcquire().IsAcquired);
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.FromMilliseconds(750), RetryAfter(_demanding.AttemptAcquire()));
        _clock.Advance(TimeSpan.FromMilliseconds(750) - TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.FromTicks(1), RetryAfter(_demanding.AttemptAcquire()));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(_demanding.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void AttemptAcquire_WaitsBehindTheQueue()
    {
        Assert.True(_demanding.AttemptAcquire().IsAcquired);
        _ = _demanding.AcquireAsync();
        _ = _demanding.AcquireAsync();

        Assert.Equal(TimeSpan.FromMilliseconds(3 * 1_050), RetryAfter(_demanding.AttemptAcquire()));
    }

    [Fact]
    public void ZeroPermits_ProbeWithoutConsuming()
    {
        Assert.True(_demanding.AttemptAcquire(0).IsAcquired);
        Assert.True(_demanding.AttemptAcquire(0).IsAcquired);
        Assert.True(_demanding.AttemptAcquire(1).IsAcquired);
        Assert.Equal(TimeSpan.FromMilliseconds(1_050), RetryAfter(_demanding.AttemptAcquire(0)));
    }

    [Fact]
    public void MoreThanOnePermit_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _demanding.AttemptAcquire(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => _demanding.AcquireAsync(2));
    }

    [Fact]
    public void AcquireAsync_GrantsWaitersInArrivalOrder()
    {
        Task<RateLimitLease>[] waiters = [.. Enumerable.Range(0, 5).Select(_ => _demanding.AcquireAsync().AsTask())];

        for (int granted = 1; granted <= waiters.Length; granted++)
        {
            Assert.All(waiters[..granted], waiter => Assert.True(waiter.IsCompletedSuccessfully));
            Assert.All(waiters[granted..], waiter => Assert.False(waiter.IsCompleted));
            _clock.Advance(TimeSpan.FromMilliseconds(1_050));
        }
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_LeavesTheQueueAndConsumesNothing()
    {
        Assert.True(_demanding.AttemptAcquire().IsAcquired);
        using var cancellation = new CancellationTokenSource();
        Task<RateLimitLease> cancelled = _demanding.AcquireAsync(1, cancellation.Token).AsTask();
        Task<RateLimitLease> next = _demanding.AcquireAsync().AsTask();

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, _demanding.GetStatistics().CurrentQueuedCount);
        _clock.Advance(TimeSpan.FromMilliseconds(1_050));
        Assert.True(next.IsCompletedSuccessfully);
        Assert.Equal(TimeSpan.FromMilliseconds(1_050), RetryAfter(_demanding.AttemptAcquire()));
    }

    [Fact]
    public async Task AcquireAsync_WithACancelledToken_FailsWithoutQueueing()
    {
        Assert.True(_demanding.AttemptAcquire().IsAcquired);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _demanding.AcquireAsync(1, new CancellationToken(canceled: true)).AsTask());
        Assert.Equal(0, _demanding.GetStatistics().CurrentQueuedCount);
    }

    [Fact]
    public async Task Dispose_FailsWaiters_AndRefusesNewRequests()
    {
        Assert.True(_demanding.AttemptAcquire().IsAcquired);
        Task<RateLimitLease> waiting = _demanding.AcquireAsync().AsTask();

        _demanding.Dispose();

        Assert.False((await waiting).IsAcquired);
        Assert.Throws<ObjectDisposedException>(() => _demanding.AttemptAcquire());
        Assert.Throws<ObjectDisposedException>(() => _demanding.AcquireAsync());
    }

    [Fact]
    public void GetStatistics_CountsLeasesAndTheQueue()
    {
        Assert.True(_demanding.AttemptAcquire().IsAcquired);
        Assert.False(_demanding.AttemptAcquire().IsAcquired);
        _ = _demanding.AcquireAsync();

        RateLimiterStatistics statistics = _demanding.GetStatistics();

        Assert.Equal(0, statistics.CurrentAvailablePermits);
        Assert.Equal(1, statistics.CurrentQueuedCount);
        Assert.Equal(1, statistics.TotalSuccessfulLeases);
        Assert.Equal(1, statistics.TotalFailedLeases);
    }

    [Fact]
    public void IdleDuration_CountsFromWhenTheLastGrantLeavesThePaddedMinute()
    {
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), _demanding.IdleDuration);

        Assert.True(_demanding.AttemptAcquire().IsAcquired);
        _clock.Advance(TimeSpan.FromMilliseconds(60_049));
        Assert.Null(_demanding.IdleDuration);

        _clock.Advance(TimeSpan.FromMilliseconds(3));
        Assert.Equal(TimeSpan.FromMilliseconds(2), _demanding.IdleDuration);
    }

    [Fact]
    public void GetSnapshot_CountsGrantsInEachWindowAndTheQueue()
    {
        using var easy = new ApiRateLimiter(PinnedPolicies.Easy, _clock);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(easy.AttemptAcquire().IsAcquired);
        }

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        for (int i = 0; i < 7; i++)
        {
            Assert.True(easy.AttemptAcquire().IsAcquired);
        }

        _ = easy.AcquireAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(new RateLimiterSnapshot(GrantedLastSecond: 7, GrantedLastMinute: 10, Queued: 1, easy.Policy, JitterAllowance: TimeSpan.Zero), easy.GetSnapshot());
    }

    [Fact]
    public void AttemptAcquire_FromManyThreadsAtOnce_GrantsExactlyThePerSecondLimit()
    {
        using var easy = new ApiRateLimiter(PinnedPolicies.Easy, _clock);
        int acquired = 0;

        Parallel.For(0, 1_000, _ =>
        {
            if (easy.AttemptAcquire().IsAcquired)
            {
                Interlocked.Increment(ref acquired);
            }
        });

        Assert.Equal(RateLimitPolicy.Easy.PerSecond, acquired);
    }

    [Fact]
    public async Task AcquireAsync_OnTheSystemClock_WaitsForRealTimers()
    {
        RateLimitPolicy fast = RateLimitPolicy.Demanding with { WindowScale = 0.05, SafetyMargin = TimeSpan.FromMilliseconds(5) };
        using var limiter = new ApiRateLimiter(fast);
        long start = TimeProvider.System.GetTimestamp();

        RateLimitLease[] leases = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync().AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(leases, lease => Assert.True(lease.IsAcquired));
        Assert.True(TimeProvider.System.GetElapsedTime(start) >= 2 * (fast.SecondWindow + fast.SafetyMargin));
    }
}
