using System.Text.Json.Serialization;

namespace MaestroQA.MockServer;

/// <summary>Injected failures, each request's fate drawn from a generator seeded here so runs repeat.</summary>
internal sealed record FaultsConfig
{
    public long Seed { get; init; } = 1;

    public double Rate500 { get; init; }

    public double Rate502 { get; init; }

    public double Rate503 { get; init; }

    public double Rate429 { get; init; }

    /// <summary>Retry-After-Ms sent with an injected 429 (Retry-After carries the same, rounded up to whole seconds).</summary>
    public int RetryAfterMs { get; init; } = 200;

    public double HangRate { get; init; }

    /// <summary>How long a hang waits before answering, and how long a stall holds the connection before dropping it.</summary>
    public int HangMs { get; init; } = 30_000;

    public double ResetRate { get; init; }

    /// <summary>Downloads only: full Content-Length, half the body, then the connection drops.</summary>
    public double TruncateRate { get; init; }

    /// <summary>POST tickets and the export requests only: the change is made, then the connection drops (a lost response).</summary>
    public double FaultAfterCommitRate { get; init; }

    /// <summary>Answers 307 to the same route on "localhost" (another host to the client).</summary>
    public double RedirectRate { get; init; }

    /// <summary>Downloads only: headers and a few bytes, then silence for hangMs, then the connection drops.</summary>
    public double StallRate { get; init; }

    /// <summary>200 with an HTML error page, as a proxy or storage front end answers.</summary>
    public double Html200Rate { get; init; }

    /// <summary>307 to the very URL requested, forever.</summary>
    public double RedirectLoopRate { get; init; }

    /// <summary>200 with a JSON body of bigBodyBytes bytes, streamed.</summary>
    public double BigBodyRate { get; init; }

    public long BigBodyBytes { get; init; } = 150_000_000;

    /// <summary>False: the big body declares its Content-Length (as a Node API does); true: it is sent chunked, length unknown.</summary>
    public bool BigBodyChunked { get; init; }

    public int LatencyMs { get; init; }

    /// <summary>Adds a uniformly random 0..latencyJitterMs ms to each covered request's latency, drawn from its own generator.</summary>
    public int LatencyJitterMs { get; init; }

    /// <summary>
    /// The fates of the first requests of each covered route, in order (fault wire names, or "none"); later requests
    /// draw from the rates as usual.
    /// </summary>
    public IReadOnlyList<string> Sequence { get; init; } = [];

    /// <summary>Route names the faults apply to; null means every API route (not "downloads").</summary>
    public IReadOnlyList<string>? Routes { get; init; }

    /// <summary>The smallest JSON object a big body can be: {"padding":""}.</summary>
    internal const int SmallestBigBody = 14;

    [JsonIgnore]
    public IEnumerable<(FaultKind Kind, double Rate)> Rates =>
    [
        (FaultKind.Error500, Rate500), (FaultKind.Error502, Rate502), (FaultKind.Error503, Rate503),
        (FaultKind.TooManyRequests, Rate429), (FaultKind.Hang, HangRate), (FaultKind.Reset, ResetRate),
        (FaultKind.Truncate, TruncateRate), (FaultKind.ResetAfterCommit, FaultAfterCommitRate),
        (FaultKind.Redirect, RedirectRate),
        // New kinds go last, so configs without them draw exactly the fates they always did.
        (FaultKind.Stall, StallRate), (FaultKind.Html200, Html200Rate), (FaultKind.RedirectLoop, RedirectLoopRate),
        (FaultKind.BigBody, BigBodyRate),
    ];

    [JsonIgnore]
    public IReadOnlyList<ApiRoute> CoveredRoutes => Routes is null
        ? [.. ApiRoutes.Faultable.Where(route => route.Class != EndpointClass.Download)]
        : [.. ApiRoutes.Faultable.Where(route => Routes.Contains(route.Name))];

    public bool Covers(ApiRoute route) => Routes?.Contains(route.Name) ?? route.Class != EndpointClass.Download;

    internal void Validate()
    {
        ServerConfig.Require(Rates.All(r => r.Rate is >= 0 and <= 1), "fault rates must be between 0 and 1");
        ServerConfig.Require(Rates.Sum(r => r.Rate) <= 1 + 1e-9, "fault rates must add up to at most 1");
        ServerConfig.Require(RetryAfterMs >= 0 && HangMs >= 0 && LatencyMs >= 0 && LatencyJitterMs >= 0,
            "fault durations must be >= 0");
        ServerConfig.Require(BigBodyBytes >= SmallestBigBody, $"faults.bigBodyBytes must be >= {SmallestBigBody}");
        var unknown = (Routes ?? []).Where(route => !ApiRoutes.FaultableNames.Contains(route)).ToArray();
        ServerConfig.Require(unknown.Length == 0,
            $"unknown faults.routes {string.Join(", ", unknown)}; known: {string.Join(", ", ApiRoutes.FaultableNames)}");
        foreach (var name in Sequence)
        {
            var kind = FaultNames.Parse(name) ?? throw ApiException.BadRequest(
                $"Invalid config: unknown fault '{name}' in faults.sequence; known: {string.Join(", ", FaultNames.All)}");
            ServerConfig.Require(CoveredRoutes.Any(route => FaultInjector.CanHappen(kind, route)),
                $"faults.sequence has '{name}', which can happen on none of the covered routes");
        }
    }
}
