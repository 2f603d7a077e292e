using System.Threading.RateLimiting;
using MaestroQA.Client.RateLimiting;
using static MaestroQA.Client.Tests.RateLimiting.DeniedLease;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>
/// The server counts a request when it arrives, the limiter when it grants it. Requests whose travel times differ by
/// up to the recent spread can land closer together at the server than they were granted, so the limiter widens its
/// windows by that spread: nothing for a steady latency, the jitter for a jittery one.
/// </summary>
public sealed class JitterAllowanceTests : IDisposable
{
    private static readonly TimeSpan Margin = PinnedPolicies.Margin;
    private readonly SteppingTimeProvider _clock = new();
    private readonly ApiRateLimiter _easy;

    public JitterAllowanceTests()
    {
        _easy = new ApiRateLimiter(PinnedPolicies.Easy, _clock);
        WarmUp();
    }

    public void Dispose() => _easy.Dispose();

    [Fact]
    public void ASteadyLatency_AddsNothing()
    {
        Answer(Enumerable.Repeat(250, 10));

        Assert.Equal(TimeSpan.Zero, _easy.JitterAllowance);
    }

    [Fact]
    public void AJitteryLatency_WidensTheWindowsByItsSpread()
    {
        Answer([10, 95, 40, 100, 5, 70, 20, 60]);

        Assert.Equal(TimeSpan.FromMilliseconds(95), _easy.JitterAllowance);

        // Ten more at once: the eleventh waits a second, the margin and the spread after the first of them.
        TimeSpan first = _clock.Elapsed;
        for (int i = 0; i < 10; i++)
        {
            Assert.True(_easy.AttemptAcquire().IsAcquired);
        }

        Assert.Equal(first + TimeSpan.FromSeconds(1) + Margin + TimeSpan.FromMilliseconds(95) - _clock.Elapsed, RetryAfter(_easy.AttemptAcquire()));
    }

    [Fact]
    public void UntilEightAnswersAreKnown_TheMarginAloneHolds()
    {
        Answer([10, 300, 10, 300, 10, 300, 10]);

        Assert.Equal(TimeSpan.Zero, _easy.JitterAllowance);
    }

    [Fact]
    public void OnlyTheRecentAnswersCount_AndAPauseCostsAtMostHalfASecond()
    {
        Answer([5, 2_000, 5, 5, 5, 5, 5, 5]);
        Assert.Equal(LatencySpread.MaxAllowance, _easy.JitterAllowance);

        Answer(Enumerable.Repeat(5, 16));
        Assert.Equal(TimeSpan.Zero, _easy.JitterAllowance);
    }

    [Fact]
    public void TheSnapshotShowsIt()
    {
        Answer([10, 30, 10, 30, 10, 30, 10, 30]);

        Assert.Equal(TimeSpan.FromMilliseconds(20), _easy.GetSnapshot().JitterAllowance);
    }

    // Past the cold start: an answer has come, so later grants keep their own time.
    private void WarmUp()
    {
        RateLimitLease first = _easy.AttemptAcquire();
        first.Dispose();
        _clock.Advance(TimeSpan.FromMinutes(2));
        using RateLimitLease warm = _easy.AttemptAcquire();
    }

    // One request at a time, each granted, answered after its travel time, then a minute apart from the next.
    private void Answer(IEnumerable<int> travelTimesMs)
    {
        foreach (int travel in travelTimesMs)
        {
            RateLimitLease lease = _easy.AttemptAcquire();
            Assert.True(lease.IsAcquired);
            _clock.Advance(TimeSpan.FromMilliseconds(travel));
            lease.Dispose();
            _clock.Advance(TimeSpan.FromSeconds(2));
        }
    }
}
