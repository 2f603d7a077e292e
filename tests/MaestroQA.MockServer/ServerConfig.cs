using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MaestroQA.MockServer;

/// <summary>
/// Everything a test can tune. Read from --config and replaced whole by POST /admin/config;
/// any field left out takes the default written here.
/// </summary>
internal sealed record ServerConfig
{
    /// <summary>YOUR_API_TOKEN is valid so the article's examples run verbatim.</summary>
    public IReadOnlyList<string> ValidTokens { get; init; } = ["mqa-test-token-0001", "mqa-test-token-0002", "YOUR_API_TOKEN"];

    public IReadOnlyList<string> ExpiredTokens { get; init; } = ["mqa-expired-token-0003"];

    /// <summary>Tokens of non-admin users: known, but refused with 403.</summary>
    public IReadOnlyList<string> ForbiddenTokens { get; init; } = [];

    /// <summary>Seeds the generated export files and capture stats.</summary>
    public long Seed { get; init; } = 20180813;

    /// <summary>Rows per generated table; an export named with "rows=N" overrides it.</summary>
    public int RowsPerExport { get; init; } = 200;

    /// <summary>How long an export reports "requested", then how long "in_progress", counted from its request.</summary>
    public int ExportRequestedMs { get; init; } = 300;

    public int ExportInProgressMs { get; init; } = 700;

    public IReadOnlyList<string> ErroredExportNames { get; init; } = [];

    public IReadOnlyList<string> EmptyExportNames { get; init; } = [];

    /// <summary>Raw (zip) exports with these names also hold a hostile entry, "../zip-slip.csv", after the tables.</summary>
    public IReadOnlyList<string> ZipSlipExportNames { get; init; } = [];

    public LimitsConfig Limits { get; init; } = new();

    public FaultsConfig Faults { get; init; } = new();

    /// <summary>Strict on purpose: a misspelt field in a test's config is a 400, not a silently ignored setting.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ServerConfig Parse(string json)
    {
        ServerConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ServerConfig>(json, JsonOptions);
        }
        catch (JsonException error)
        {
            throw ApiException.BadRequest($"Invalid config: {error.Message}");
        }

        if (config is null)
        {
            throw ApiException.BadRequest("Invalid config: expected a JSON object");
        }

        config.Validate();
        return config;
    }

    private void Validate()
    {
        Require(RowsPerExport >= 0, "rowsPerExport must be >= 0");
        Require(ExportRequestedMs >= 0 && ExportInProgressMs >= 0, "exportRequestedMs and exportInProgressMs must be >= 0");
        Limits.Validate();
        Faults.Validate();
    }

    internal static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw ApiException.BadRequest($"Invalid config: {problem}");
        }
    }
}

/// <summary>The article's per-token limits; windowScale shrinks the windows so tests run fast.</summary>
internal sealed record LimitsConfig
{
    public bool Enabled { get; init; } = true;

    public int DemandingPerSecond { get; init; } = 1;

    public int DemandingPerMinute { get; init; } = 30;

    public int EasyPerSecond { get; init; } = 10;

    public int EasyPerMinute { get; init; } = 100;

    public double WindowScale { get; init; } = 1.0;

    [JsonIgnore]
    public double SecondWindowMs => 1_000 * WindowScale;

    [JsonIgnore]
    public double MinuteWindowMs => 60_000 * WindowScale;

    public (int PerSecond, int PerMinute) For(EndpointClass endpointClass) => endpointClass == EndpointClass.Demanding
        ? (DemandingPerSecond, DemandingPerMinute)
        : (EasyPerSecond, EasyPerMinute);

    internal void Validate()
    {
        ServerConfig.Require(DemandingPerSecond >= 1 && DemandingPerMinute >= 1 && EasyPerSecond >= 1 && EasyPerMinute >= 1,
            "limits per second and per minute must be >= 1");
        ServerConfig.Require(WindowScale > 0, "limits.windowScale must be > 0");
    }
}

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

    public int HangMs { get; init; } = 30_000;

    public double ResetRate { get; init; }

    /// <summary>Downloads only: full Content-Length, half the body, then the connection drops.</summary>
    public double TruncateRate { get; init; }

    /// <summary>POST tickets only: the ticket is created, then the connection drops (a lost response).</summary>
    public double FaultAfterCommitRate { get; init; }

    /// <summary>Answers 307 to the same route on "localhost" (another host to the client).</summary>
    public double RedirectRate { get; init; }

    public int LatencyMs { get; init; }

    /// <summary>Route names the faults apply to; null means every API route (not "downloads").</summary>
    public IReadOnlyList<string>? Routes { get; init; }

    [JsonIgnore]
    public IEnumerable<(FaultKind Kind, double Rate)> Rates =>
    [
        (FaultKind.Error500, Rate500), (FaultKind.Error502, Rate502), (FaultKind.Error503, Rate503),
        (FaultKind.TooManyRequests, Rate429), (FaultKind.Hang, HangRate), (FaultKind.Reset, ResetRate),
        (FaultKind.Truncate, TruncateRate), (FaultKind.ResetAfterCommit, FaultAfterCommitRate),
        (FaultKind.Redirect, RedirectRate),
    ];

    internal void Validate()
    {
        ServerConfig.Require(Rates.All(r => r.Rate is >= 0 and <= 1), "fault rates must be between 0 and 1");
        ServerConfig.Require(Rates.Sum(r => r.Rate) <= 1 + 1e-9, "fault rates must add up to at most 1");
        ServerConfig.Require(RetryAfterMs >= 0 && HangMs >= 0 && LatencyMs >= 0, "fault durations must be >= 0");
        var unknown = (Routes ?? []).Where(route => !ApiRoutes.FaultableNames.Contains(route)).ToArray();
        ServerConfig.Require(unknown.Length == 0,
            $"unknown faults.routes {string.Join(", ", unknown)}; known: {string.Join(", ", ApiRoutes.FaultableNames)}");
    }
}

/// <summary>The live configuration; swapped whole, so a request always sees one consistent snapshot.</summary>
internal sealed class ConfigStore(ServerConfig startup)
{
    private ServerConfig _current = startup;

    /// <summary>What POST /admin/reset returns to: the --config file, or the built-in defaults.</summary>
    public ServerConfig Startup { get; } = startup;

    public ServerConfig Current => Volatile.Read(ref _current);

    public void Replace(ServerConfig config) => Volatile.Write(ref _current, config);
}
