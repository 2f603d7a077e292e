using System.Text.Json.Nodes;
using MaestroQA.Client.Api;
using MaestroQA.Client.Api.Polling;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;

namespace MaestroQA.Client.Tests.Transport;

/// <summary>Where the token goes: in the apitoken header of every API call, and nowhere else, as the server recorded it.</summary>
public sealed class TokenHeaderTests : IClassFixture<LocalServer>
{
    private const string Token = "mqa-test-token-0002";
    private readonly LocalServer _server;

    public TokenHeaderTests(LocalServer server)
    {
        _server = server;
        _server.Reset();
    }

    [Fact]
    public async Task EveryApiCall_CarriesTheToken_InTheApitokenHeader()
    {
        MaestroQAClient client = _server.NewClient(Token);

        await client.GetCaptureUsageAsync(["grp_emea"], CaptureInterval.Day);
        MqaExport export = await client.RequestGroupsExportAsync(new GroupsExportRequest());
        await client.GetExportAsync(export);
        await client.CreateTicketAsync(new MqaTicket { GradableId = "t-1", Type = "chat", Subject = "S", Agents = new[] { "a1" }, Link = "https://helpdesk.example.com/1", Body = "B" });

        JsonArray requests = _server.Requests();
        Assert.Equal(
            ["screen-capture-usage-stats", "request-groups-export", "get-export-data", "tickets"],
            requests.Select(request => request!["route"]!.GetValue<string>()));
        Assert.All(requests, request =>
        {
            Assert.Equal("header", request!["tokenSource"]!.GetValue<string>());
            Assert.True(request["hadApiTokenHeader"]!.GetValue<bool>());
            Assert.Equal(Token[^4..], request["tokenTail"]!.GetValue<string>());
            Assert.InRange(request["status"]!.GetValue<int>(), 200, 299);
        });
    }

    [Fact]
    public async Task ADownload_NeverCarriesTheToken_NorDoesTheStorageRedirectItFollows()
    {
        var quick = new { exportRequestedMs = 0, exportInProgressMs = 0 };
        _server.Configure(quick);
        MaestroQAClient client = _server.NewClient(Token);
        using var poller = new ExportPoller(client.GetExportAsync, RateLimitPolicy.Easy, PollSchedule.For(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)));
        MqaExport export = await poller.WaitAsync(await client.RequestGroupsExportAsync(new GroupsExportRequest()));
        _server.Configure(new { quick.exportRequestedMs, quick.exportInProgressMs, faults = new { redirectRate = 1.0, routes = new[] { "downloads" } } });

        using var file = new MemoryStream();
        long bytes = await client.DownloadExportAsync(export, file);

        Assert.True(bytes > 0);
        Assert.Equal(bytes, file.Length);
        List<JsonNode> downloads = _server.Requests("downloads");
        Assert.Equal([307, 200], downloads.Select(request => request!["status"]!.GetValue<int>()));
        Assert.Equal("localhost", downloads[1]!["host"]!.GetValue<string>());
        Assert.All(downloads, request =>
        {
            Assert.False(request!["hadApiTokenHeader"]!.GetValue<bool>());
            Assert.Null(request["tokenTail"]);
        });
    }
}
