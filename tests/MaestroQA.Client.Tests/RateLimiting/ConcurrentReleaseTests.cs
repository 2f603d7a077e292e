using System.Threading.RateLimiting;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>
/// On the real clock: workers that queue for permits, cancel some waits and release leases marked cold while others
/// wait. A release can find the head's permit already due before its timer has run; scheduling a negative delay once
/// parked the wake-up timer for weeks and stranded the queue (a Pester run hung on it).
/// </summary>
public sealed class ConcurrentReleaseTests
{
    [Fact]
    public async Task WorkersThatQueueCancelAndReleaseCold_AllFinish()
    {
        var policy = new RateLimitPolicy(40, 1200) { WindowScale = 0.1, SafetyMargin = TimeSpan.FromMilliseconds(5) };
        using var limiter = new ApiRateLimiter(policy);
        int finished = 0;

        async Task Work(int seed)
        {
            var random = new Random(seed);
            for (int i = 0; i < 200; i++)
            {
                using var cancellation = new CancellationTokenSource();
                if (random.Next(10) == 0)
                {
                    cancellation.CancelAfter(random.Next(0, 20));
                }

                RateLimitLease lease;
                try
                {
                    lease = await limiter.AcquireAsync(1, cancellation.Token);
                }
                catch (OperationCanceledException)
                {
                    continue;
                }

                if (random.Next(3) == 0)
                {
                    ((PermitLease)lease).MarkCold();
                }

                await Task.Delay(random.Next(0, 15));
                lease.Dispose();
            }

            Interlocked.Increment(ref finished);
        }

        Task all = Task.WhenAll(Enumerable.Range(1, 8).Select(Work));
        Task first = await Task.WhenAny(all, Task.Delay(TimeSpan.FromMinutes(2)));

        Assert.True(first == all, $"Stranded: {finished} of 8 workers finished, {limiter.GetStatistics().CurrentQueuedCount} requests still queued.");
        await all;
    }
}
