using MaestroQA.Client.Api;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Transport;

/// <summary>The server's Retry-After, answers too large to be MaestroQA's, and values that must not reach a header.</summary>
public sealed class TransportGuardTests : IClassFixture<LocalServer>
{
    private readonly LocalServer _server;

    public TransportGuardTests(LocalServer server)
    {
        _server = server;
        _server.Reset();
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheCap_IsSaidAtOnce_AndWaitedOutWhole()
    {
        _server.Configure(new { faults = new { sequence = new[] { "429" }, retryAfterMs = 1_500, routes = new[] { "get-export-data" } } });
        var log = new RecordingLog();
        MaestroQAClient client = Client(log, maxRetryDelay: TimeSpan.FromMilliseconds(1_000), maxRetryCount: 2);
        var started = System.Diagnostics.Stopwatch.StartNew();

        MqaExport checkedExport = await client.GetExportAsync(await RequestAsync());

        Assert.False(string.IsNullOrEmpty(checkedExport.ServerStatus));
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(1_400), "the whole Retry-After, not the 1 s cap");
        Assert.Contains(log.Warnings, warning => warning.Contains("asks to wait 2 s", StringComparison.Ordinal) && warning.Contains("longer than the usual 1 s", StringComparison.Ordinal));
        Assert.Equal([429, 200], _server.Requests("get-export-data").Select(r => r["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheRetriesWaitInAll_FailsAtOnce_NamingTheWait()
    {
        // 429s are retried for two (scaled) minute windows, 12 s, or the retries' usual 2 s, whichever is longer.
        _server.Configure(new { faults = new { sequence = new[] { "429" }, retryAfterMs = 20_000, routes = new[] { "get-export-data" } } });
        MaestroQAClient client = Client(new RecordingLog(), maxRetryDelay: TimeSpan.FromMilliseconds(1_000), maxRetryCount: 2);
        MqaExport export = await RequestAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MaestroQAApiException>(() => client.GetExportAsync(export));

        Assert.Equal(ApiErrorKind.RateLimited, error.Kind);
        Assert.Contains("asked to wait 20 s, longer than the 12 s the retries wait in all", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(19), "it does not wait what it will not retry after");
        Assert.Single(_server.Requests("get-export-data"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnAnswerLargerThanTheCap_IsUnexpected_AndNotRetried(bool chunked)
    {
        _server.Configure(new { faults = new { sequence = new[] { "big_body" }, bigBodyBytes = 3_000_000, bigBodyChunked = chunked, routes = new[] { "get-export-data" } } });
        MaestroQAClient client = new(new ApiTransport(_server.Options("mqa-test-token-0002") with { MaxResponseBytes = 1_000_000 }));
        MqaExport export = await RequestAsync();

        var error = await Assert.ThrowsAsync<MaestroQAApiException>(() => client.GetExportAsync(export));

        Assert.Equal(ApiErrorKind.UnexpectedResponse, error.Kind);
        Assert.Contains("more than the", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests("get-export-data"));
    }

    [Fact]
    public async Task AControlCharacterInAnId_IsRefused_BeforeAnythingIsSent()
    {
        MaestroQAClient client = Client(new RecordingLog());

        var export = await Assert.ThrowsAsync<MaestroQAInputException>(() => client.GetExportAsync(new MqaExport("e1\r\nX-Evil: 2", kind: null)));
        var ticket = await Assert.ThrowsAsync<MaestroQAInputException>(() => client.DeleteTicketAsync("t-1\nX-Evil: 2"));

        Assert.Equal("ExportId", export.ParamName);
        Assert.Contains("'e1\\u000d\\u000aX-Evil: 2' holds a control character (U+000D)", export.Message, StringComparison.Ordinal);
        Assert.Equal("GradableId", ticket.ParamName);
        Assert.Empty(_server.Requests());
    }

    private MaestroQAClient Client(IApiLog log, TimeSpan? maxRetryDelay = null, int maxRetryCount = 3) =>
        new(new ApiTransport(_server.Options(LocalServer.RetryToken, maxRetryCount) with { MaxRetryDelay = maxRetryDelay ?? TimeSpan.FromSeconds(60) }), log);

    private async Task<MqaExport> RequestAsync()
    {
        // Made directly against the admin-free route, with the fixture's own token, so the faults above fall on the check.
        MqaExport export = await _server.NewClient().RequestGroupsExportAsync(new GroupsExportRequest());
        return export;
    }
}
