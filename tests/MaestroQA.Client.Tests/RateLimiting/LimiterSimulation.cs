using System.Threading.RateLimiting;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>Replays request arrivals against a limiter on a stepping clock and records when each was granted.</summary>
internal static class LimiterSimulation
{
    /// <param name="arrivals">Offsets from the start, in ascending order.</param>
    /// <returns>Grant times, in arrival order.</returns>
    public static TimeSpan[] Run(RateLimitPolicy policy, IReadOnlyList<TimeSpan> arrivals)
    {
        var clock = new SteppingTimeProvider();
        using var limiter = new ApiRateLimiter(policy, clock);
        var grants = new TimeSpan[arrivals.Count];
        var pending = new List<(int Index, Task<RateLimitLease> Lease)>();
        int next = 0;
        while (next < arrivals.Count || pending.Count > 0)
        {
            TimeSpan? nextArrival = next < arrivals.Count ? arrivals[next] : null;
            TimeSpan target = Earliest(nextArrival, clock.NextDue)
                ?? throw new InvalidOperationException($"{pending.Count} requests wait, but no timer will wake them.");
            clock.AdvanceTo(target);
            for (; next < arrivals.Count && arrivals[next] == clock.Elapsed; next++)
            {
                pending.Add((next, limiter.AcquireAsync().AsTask()));
            }

            // A grant completes its task inside the timer callback or AcquireAsync, so the clock still reads the grant time.
            pending.RemoveAll(request =>
            {
                if (!request.Lease.IsCompleted)
                {
                    return false;
                }

                Assert.True(request.Lease.Result.IsAcquired);
                grants[request.Index] = clock.Elapsed;
                return true;
            });
        }

        return grants;
    }

    /// <summary>A backlog: every request arrives at the start.</summary>
    public static TimeSpan[] RunBacklog(RateLimitPolicy policy, int count) => Run(policy, new TimeSpan[count]);

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
