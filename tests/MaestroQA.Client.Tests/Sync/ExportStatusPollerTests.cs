using MaestroQA.Client.Models;
using MaestroQA.Client.Sync;

namespace MaestroQA.Client.Tests.Sync;

/// <summary>How a wait among many ends, as a single wait (ExportWaiter) ends: the same errors, statuses shown as they came.</summary>
public sealed class ExportStatusPollerTests
{
    private static readonly RateLimitPolicy Unhurried = new(1000, 60000);

    private static async Task<MaestroQAApiException> WaitUntilItFails(MqaExport answer, TimeSpan timeout)
    {
        using var poller = new ExportStatusPoller((_, _) => Task.FromResult(answer), Unhurried)
        {
            PollInterval = TimeSpan.FromMilliseconds(1),
            Timeout = timeout,
        };
        return await Assert.ThrowsAsync<MaestroQAApiException>(() => poller.WaitAsync(new MqaExport(answer.ExportId, ExportKind.Raw)));
    }

    [Fact]
    public async Task AStatusTheModuleDoesNotKnow_IsNamedAsItCame_WhenTheWaitRunsOut()
    {
        MaestroQAApiException timedOut = await WaitUntilItFails(
            new MqaExport("exp_1", ExportKind.Raw) { Status = ExportStatus.Unknown, ServerStatus = "queued" }, TimeSpan.FromSeconds(1));

        Assert.Equal(ApiErrorKind.Timeout, timedOut.Kind);
        Assert.Equal("Export exp_1 was still 'queued' after 1 s.", timedOut.Message); // a whole number: any culture writes it so
    }

    [Fact]
    public async Task AnErroredExport_FailsAsExportFailed()
    {
        MaestroQAApiException failed = await WaitUntilItFails(new MqaExport("exp_2", ExportKind.Raw) { Status = ExportStatus.Errored }, TimeSpan.FromMinutes(1));

        Assert.Equal(ApiErrorKind.ExportFailed, failed.Kind);
        Assert.Equal("MaestroQA reports that export exp_2 errored.", failed.Message);
    }
}
