using MaestroQA.Client.Tests.RateLimiting;

namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>
/// Runs work on a fake clock that moves on only while the work is idle, and then straight to the next timer due:
/// virtual time passes as the work's own waits ask, however slow the machine, so it can be asserted on.
/// </summary>
internal sealed class IdleDrivenClock
{
    /// <summary>Idle with no timer set, this many times in a row: the work waits on something no clock brings.</summary>
    private const int MaxStalls = 2_000;

    public IdleDrivenClock(DateTimeOffset start) => Clock = new SteppingTimeProvider(start);

    public SteppingTimeProvider Clock { get; }

    /// <summary>Beyond this much virtual time the work is taken to loop, and the run fails.</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromHours(3);

    public async Task RunAsync(Func<Task> work)
    {
        var flow = new FlowActivity();
        Task run = flow.Start(work);
        int stalls = 0;
        while (!run.IsCompleted)
        {
            await flow.SettledAsync();
            if (run.IsCompleted)
            {
                break;
            }

            if (Clock.NextDue is not TimeSpan due)
            {
                Assert.True(++stalls < MaxStalls, "The work is idle with no timer set: it waits on something no clock will bring.");
                continue;
            }

            stalls = 0;
            Assert.True(due <= Limit, $"The work still runs after {Limit} of virtual time.");
            Clock.AdvanceTo(due);
        }

        await run;
    }
}
