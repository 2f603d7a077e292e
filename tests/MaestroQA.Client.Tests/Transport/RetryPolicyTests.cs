using System.Text.Json.Nodes;
using MaestroQA.Client.Api;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Transport;

/// <summary>
/// Which failures the request pipeline retries, on which routes, how often and after how long, counted from the local
/// server's record of what arrived. The faults hit every request on their route, or the first ones, so counts are exact.
/// </summary>
public sealed class RetryPolicyTests : IClassFixture<LocalServer>
{
    private const int MaxRetryCount = 2;
    private readonly LocalServer _server;

    public RetryPolicyTests(LocalServer server)
    {
        _server = server;
        _server.Reset();
    }

    public static TheoryData<string, ApiErrorKind> TransientFaults => new()
    {
        { "rate500", ApiErrorKind.ServerError },
        { "rate502", ApiErrorKind.ServerError },
        { "rate503", ApiErrorKind.ServerError },
        { "resetRate", ApiErrorKind.NetworkError },
    };

    public static TheoryData<string, string, ApiErrorKind> ExportRoutesAndTransientFaults
    {
        get
        {
            var data = new TheoryData<string, string, ApiErrorKind>();
            foreach (string route in ExportRoutes)
            {
                foreach (var (fault, kind) in new[] { ("rate500", ApiErrorKind.ServerError), ("rate503", ApiErrorKind.ServerError), ("resetRate", ApiErrorKind.NetworkError) })
                {
                    data.Add(route, fault, kind);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> EveryRoute => new(ExportRoutes.Concat(["get-export-data", "screen-capture-usage-stats", "tickets"]));

    private static IEnumerable<string> ExportRoutes => ["request-raw-export", "request-groups-export", "request-audit-log-export"];

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task AReadIsRetried_OnATransientFailure_UpToMaxRetryCount(string fault, ApiErrorKind kind)
    {
        _server.Configure(Faults(fault, "get-export-data"));

        var failure = await Assert.ThrowsAsync<MaestroQAApiException>(() => NewClient().GetExportAsync(new MqaExport("e-1", ExportKind.Groups)));

        Assert.Equal(kind, failure.Kind);
        Assert.Equal(1 + MaxRetryCount, _server.Requests("get-export-data").Count);
        Assert.DoesNotContain("not sent again", failure.Message, StringComparison.Ordinal);
        Assert.All(_server.Requests("get-export-data"), request => Assert.Equal(FaultName(fault), request["fault"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(ExportRoutesAndTransientFaults))]
    public async Task AnExportRequest_IsSentOnce_OnATransientFailure(string route, string fault, ApiErrorKind kind)
    {
        _server.Configure(Faults(fault, route));

        var failure = await Assert.ThrowsAsync<MaestroQAApiException>(() => RequestExport(NewClient(), route));

        Assert.Equal(kind, failure.Kind);
        Assert.Single(_server.Requests(route));
        Assert.Empty(_server.Exports());
        Assert.Contains("not sent again", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task A429_IsRetried_OnEveryRoute_ExportRequestsIncluded_NotCountedAgainstMaxRetryCount(string route)
    {
        // 429s are retried for a time, not a count: two of them, then an answer, with one retry allowed for failures.
        string exportId = route == "get-export-data" ? (await _server.NewClient().RequestGroupsExportAsync(new GroupsExportRequest())).ExportId : "e-1";
        _server.Configure(new { faults = new { sequence = new[] { "429", "429" }, retryAfterMs = 100, routes = new[] { route } } });

        await Call(NewClient(QuickWindows(_server.Options(LocalServer.RetryToken, maxRetryCount: 1))), route, exportId);

        Assert.Equal([429, 429, route == "tickets" ? 201 : 200], _server.Requests(route).Select(request => request["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AnExportRequestThatTimesOut_IsSentOnce()
    {
        _server.Configure(new { faults = new { hangRate = 1.0, hangMs = 10_000, routes = new[] { "request-groups-export" } } });

        MaestroQAClient client = NewClient(_server.Options(maxRetryCount: MaxRetryCount) with { AttemptTimeout = TimeSpan.FromMilliseconds(500) });
        var failure = await Assert.ThrowsAsync<MaestroQAApiException>(() => client.RequestGroupsExportAsync(new GroupsExportRequest()));

        Assert.Equal(ApiErrorKind.Timeout, failure.Kind);
        Assert.Single(_server.Requests("request-groups-export"));
    }

    [Theory]
    [InlineData("mqa-expired-token-0003", ApiErrorKind.Unauthorized)]
    [InlineData("mqa-nonadmin-token-0004", ApiErrorKind.Forbidden)]
    public async Task ARefusedToken_IsNeverRetried(string token, ApiErrorKind kind)
    {
        _server.Configure(new { forbiddenTokens = new[] { "mqa-nonadmin-token-0004" } });

        var failure = await Assert.ThrowsAsync<MaestroQAApiException>(() => NewClient(_server.Options(token, MaxRetryCount)).GetExportAsync(new MqaExport("e-1", ExportKind.Groups)));

        Assert.Equal(kind, failure.Kind);
        Assert.Single(_server.Requests());
    }

    [Fact]
    public async Task ANotFound_IsNeverRetried()
    {
        var failure = await Assert.ThrowsAsync<MaestroQAApiException>(() => NewClient().GetExportAsync(new MqaExport("no-such-export", ExportKind.Groups)));

        Assert.Equal(ApiErrorKind.NotFound, failure.Kind);
        Assert.Single(_server.Requests("get-export-data"));
    }

    [Fact]
    public async Task AnApiRedirect_IsNeitherFollowedNorRetried()
    {
        _server.Configure(Faults("redirectRate", "get-export-data"));

        var failure = await Assert.ThrowsAsync<MaestroQAApiException>(() => NewClient().GetExportAsync(new MqaExport("e-1", ExportKind.Groups)));

        Assert.Equal(ApiErrorKind.UnexpectedResponse, failure.Kind);
        JsonNode request = Assert.Single(_server.Requests())!;
        Assert.Equal("redirect", request["fault"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1_000, 60_000, 1)] // Retry-After: 1, well under the usual cap
    [InlineData(2_000, 1_000, 2)] // Retry-After: 2, over the cap but within what the retries wait in all: waited whole
    public async Task A429IsRetried_AfterExactlyTheServersRetryAfter(int retryAfterMs, int maxRetryDelayMs, int maxRetryCount)
    {
        _server.Configure(new { faults = new { sequence = new[] { "429" }, retryAfterMs, routes = new[] { "screen-capture-usage-stats" } } });
        MaestroQAClientOptions options = _server.Options(LocalServer.RetryToken, maxRetryCount) with { MaxRetryDelay = TimeSpan.FromMilliseconds(maxRetryDelayMs) };
        var time = new TimerRecordingTimeProvider();

        await new MaestroQAClient(new ApiTransport(options, time)).GetCaptureUsageAsync(["grp_emea"], CaptureInterval.Day);

        // The only other timers the pipeline starts are the attempts' timeouts, which start disarmed (infinite).
        Assert.Equal([TimeSpan.FromMilliseconds(retryAfterMs)], time.DueTimes.Where(due => due != Timeout.InfiniteTimeSpan));
        Assert.Equal([429, 200], _server.Requests("screen-capture-usage-stats").Select(request => request["status"]!.GetValue<int>()));
    }

    /// <summary>Windows a hundredth of their length: a 429 holds the class for a (scaled) minute window, here 0.6 s.</summary>
    private static MaestroQAClientOptions QuickWindows(MaestroQAClientOptions options) => options with
    {
        DemandingLimit = new RateLimitPolicy(1, 30) { WindowScale = 0.01 },
        EasyLimit = new RateLimitPolicy(10, 100) { WindowScale = 0.01 },
    };

    private MaestroQAClient NewClient(MaestroQAClientOptions? options = null) =>
        new(new ApiTransport(options ?? _server.Options(maxRetryCount: MaxRetryCount)));

    private static object Faults(string rate, string route) =>
        new JsonObject { ["faults"] = new JsonObject { [rate] = 1.0, ["routes"] = new JsonArray(route) } };

    private static string FaultName(string rate) => rate switch
    {
        "resetRate" => "reset",
        _ => rate["rate".Length..],
    };

    private static Task RequestExport(MaestroQAClient client, string route)
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return route switch
        {
            "request-raw-export" => client.RequestRawExportAsync(new RawExportRequest(start, start.AddDays(7))),
            "request-groups-export" => client.RequestGroupsExportAsync(new GroupsExportRequest()),
            "request-audit-log-export" => client.RequestAuditLogExportAsync(new AuditLogExportRequest(start, start.AddDays(7))),
            _ => throw new ArgumentOutOfRangeException(nameof(route)),
        };
    }

    private static Task Call(MaestroQAClient client, string route, string exportId = "e-1") => route switch
    {
        "get-export-data" => client.GetExportAsync(new MqaExport(exportId, ExportKind.Groups)),
        "screen-capture-usage-stats" => client.GetCaptureUsageAsync(["grp_emea"], CaptureInterval.Day),
        "tickets" => client.CreateTicketAsync(new MqaTicket { GradableId = "t-1", Type = "chat", Subject = "S", Agents = new[] { "a1" }, Link = "https://helpdesk.example.com/1", Body = "B" }),
        _ => RequestExport(client, route),
    };

    /// <summary>The system clock, noting how long every timer it starts is set for: Polly's retry waits are such timers.</summary>
    private sealed class TimerRecordingTimeProvider : TimeProvider
    {
        private readonly List<TimeSpan> _dueTimes = [];

        public IReadOnlyList<TimeSpan> DueTimes
        {
            get
            {
                lock (_dueTimes)
                {
                    return [.. _dueTimes];
                }
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_dueTimes)
            {
                _dueTimes.Add(dueTime);
            }

            return System.CreateTimer(callback, state, dueTime, period);
        }
    }
}
