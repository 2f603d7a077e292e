using MaestroQA.Client.Api.Polling;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MaestroQA.Client.Tests.Api.Polling;

/// <summary>
/// How a wait ends, for one export as for many, on a fake clock: the same errors, statuses shown as they came, and an
/// export checked once more after a pause the server asked for before it is called stuck.
/// </summary>
public sealed class ExportPollerTests
{
    private static readonly RateLimitPolicy Unhurried = new(1000, 60000);
    private static readonly PollSchedule Schedule = PollSchedule.For(TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(15));

    [Fact]
    public async Task AStatusTheModuleDoesNotKnow_IsNamedAsItCame_AndWarnedOfOnce()
    {
        var log = new RecordingLog();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        MqaExport queued = new MqaExport("exp_1", ExportKind.Raw) { Status = ExportStatus.Unknown, ServerStatus = "queued" };
        using var poller = new ExportPoller((_, _) => Task.FromResult(queued), Unhurried, Schedule, log, clock);

        var timedOut = await Assert.ThrowsAsync<MaestroQAApiException>(() => Drive(poller.WaitAsync(new MqaExport("exp_1", ExportKind.Raw)), clock));

        Assert.Equal(ApiErrorKind.Timeout, timedOut.Kind);
        Assert.Matches(@"^Export exp_1 was still 'queued' after 15 s, last checked at 2024-05-06 07:08:2\dZ\.$", timedOut.Message);
        Assert.Equal("MaestroQA reports export exp_1 as 'queued', a status this module does not know; still waiting for 'complete'.", Assert.Single(log.Warnings));
    }

    [Fact]
    public async Task AnErroredExport_FailsAsExportFailed()
    {
        var clock = new FakeTimeProvider();
        using var poller = new ExportPoller((export, _) => Task.FromResult(export with { Status = ExportStatus.Errored }), Unhurried, Schedule, time: clock);

        var failed = await Assert.ThrowsAsync<MaestroQAApiException>(() => Drive(poller.WaitAsync(new MqaExport("exp_2", ExportKind.Raw)), clock));

        Assert.Equal(ApiErrorKind.ExportFailed, failed.Kind);
        Assert.Equal("MaestroQA reports that export exp_2 errored: it will never complete.", failed.Message);
    }

    [Fact]
    public async Task ACheckThatWaitedOutAPausePastTheTimeout_IsFollowedByOneMore_BeforeTheExportIsCalledStuck()
    {
        // In progress at first; then the server asks for a 30 s pause, longer than the 15 s wait, while the export completes.
        var clock = new FakeTimeProvider();
        int checks = 0;
        async Task<MqaExport> Check(MqaExport export, CancellationToken token)
        {
            switch (Interlocked.Increment(ref checks))
            {
                case 1:
                    return export with { Status = ExportStatus.InProgress };
                case 2:
                    await Task.Delay(TimeSpan.FromSeconds(30), clock, token);
                    throw new MaestroQAApiException(ApiErrorKind.RateLimited, "MaestroQA asked to wait 30 s.", 429);
                default:
                    return export with { Status = ExportStatus.Complete, DataUrl = "https://storage.example/file" };
            }
        }

        using var poller = new ExportPoller(Check, Unhurried, Schedule, time: clock);

        MqaExport complete = await Drive(poller.WaitAsync(new MqaExport("exp_3", ExportKind.Raw)), clock);

        Assert.Equal(ExportStatus.Complete, complete.Status);
        Assert.Equal(3, checks);
    }

    [Theory]
    [InlineData(ApiErrorKind.UnexpectedResponse)] // an HTML page with 200, or an answer over the cap
    [InlineData(ApiErrorKind.ServerError)]
    [InlineData(ApiErrorKind.NetworkError)]
    public async Task ACheckThatFailsAfterItsRetries_IsTriedAgainAtTheNextInterval_NotTheEndOfTheWait(ApiErrorKind kind)
    {
        var clock = new FakeTimeProvider();
        int checks = 0;
        Task<MqaExport> Check(MqaExport export, CancellationToken token) =>
            Interlocked.Increment(ref checks) == 1
                ? Task.FromException<MqaExport>(new MaestroQAApiException(kind, "MaestroQA answered the status check with a page that is not JSON.", 200))
                : Task.FromResult(export with { Status = ExportStatus.Complete, DataUrl = "https://storage.example/file" });

        using var poller = new ExportPoller(Check, Unhurried, Schedule, time: clock);

        MqaExport complete = await Drive(poller.WaitAsync(new MqaExport("exp_5", ExportKind.Raw)), clock);

        Assert.Equal(ExportStatus.Complete, complete.Status);
        Assert.Equal(2, checks);
    }

    [Fact]
    public async Task AnExportThatCouldNotBeCheckedAfterItsTimeout_SaysWhenItWasLastChecked_AndWhyNotSince()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 0, 0, TimeSpan.Zero));
        int checks = 0;
        async Task<MqaExport> Check(MqaExport export, CancellationToken token)
        {
            if (Interlocked.Increment(ref checks) == 1)
            {
                return export with { Status = ExportStatus.Requested };
            }

            await Task.Delay(TimeSpan.FromSeconds(30), clock, token);
            throw new MaestroQAApiException(ApiErrorKind.RateLimited, "MaestroQA refused GET get-export-data with 429 (TooManyRequests).", 429);
        }

        using var poller = new ExportPoller(Check, Unhurried, Schedule, time: clock);

        var stuck = await Assert.ThrowsAsync<MaestroQAApiException>(() => Drive(poller.WaitAsync(new MqaExport("exp_4", ExportKind.Raw)), clock));

        Assert.Equal(ApiErrorKind.Timeout, stuck.Kind);
        Assert.Equal(3, checks); // the first, the one that met the pause, and one more after the wait ran out
        Assert.Matches(
            @"^Export exp_4 was still Requested after 15 s, last checked at 2024-05-06 07:00:0\dZ; it could not be checked since: MaestroQA refused GET get-export-data with 429 \(TooManyRequests\)\.$",
            stuck.Message);
    }

    [Fact]
    public async Task AnExportRequestedAheadOfThisClock_IsFirstCheckedAfterThePollInterval_NotWhenTheOtherClockSays()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 0, 0, TimeSpan.Zero));
        var checkedAt = new List<DateTimeOffset>();
        using var poller = new ExportPoller(
            (export, _) => { checkedAt.Add(clock.GetUtcNow()); return Task.FromResult(export with { Status = ExportStatus.Complete }); },
            Unhurried,
            PollSchedule.For(TimeSpan.FromSeconds(1), timeout: TimeSpan.FromHours(2)),
            time: clock);
        var ahead = new MqaExport("exp_5", ExportKind.Raw) { RequestedAt = clock.GetUtcNow().UtcDateTime.AddHours(1) };

        await Drive(poller.WaitAsync(ahead), clock);

        Assert.InRange(Assert.Single(checkedAt) - new DateTimeOffset(2024, 5, 6, 7, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    /// <summary>Moves the fake clock on, a little at a time, until <paramref name="wait"/> ends (or a generous bound).</summary>
    private static async Task<T> Drive<T>(Task<T> wait, FakeTimeProvider clock)
    {
        for (int step = 0; step < 5_000 && !wait.IsCompleted; step++)
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        return wait.IsCompleted ? await wait : throw new TimeoutException("The wait did not end in 500 s of the fake clock.");
    }
}
