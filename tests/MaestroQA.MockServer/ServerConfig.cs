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

    /// <summary>Seeds the generated export files, capture stats, coaching sessions and agents' availability.</summary>
    public long Seed { get; init; } = 20180813;

    /// <summary>Rows per generated table; an export named with "rows=N" overrides it.</summary>
    public int RowsPerExport { get; init; } = 200;

    /// <summary>How long an export reports "requested", then how long "in_progress", counted from its request.</summary>
    public int ExportRequestedMs { get; init; } = 300;

    public int ExportInProgressMs { get; init; } = 700;

    /// <summary>How long after its request the API still knows an export; later it is a 404, as an unknown id. Null: forever.</summary>
    public int? ExportRetentionMs { get; init; }

    public IReadOnlyList<string> ErroredExportNames { get; init; } = [];

    public IReadOnlyList<string> EmptyExportNames { get; init; } = [];

    /// <summary>Raw (zip) exports with these names also hold a hostile entry, "../zip-slip.csv", after the tables.</summary>
    public IReadOnlyList<string> ZipSlipExportNames { get; init; } = [];

    /// <summary>Coaching sessions created on each day of 2023-2026 (the coaching export's data).</summary>
    public int CoachingSessionsPerDay { get; init; } = 3;

    public LimitsConfig Limits { get; init; } = new();

    public FaultsConfig Faults { get; init; } = new();

    public FilesConfig Files { get; init; } = new();

    public ResponsesConfig Responses { get; init; } = new();

    public ApiConfig Api { get; init; } = new();

    /// <summary>Keeps /admin/coaching-sessions over all four years to a few hundred thousand sessions.</summary>
    private const int MaxCoachingSessionsPerDay = 100;

    /// <summary>Strict on purpose: a misspelt field in a test's config is a 400, not a silently ignored setting.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Variant switches are words ("export-name"), never numbers.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
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
        Require(ExportRetentionMs is null or >= 0, "exportRetentionMs must be >= 0 (or null: forever)");
        Require(CoachingSessionsPerDay is >= 0 and <= MaxCoachingSessionsPerDay,
            $"coachingSessionsPerDay must be between 0 and {MaxCoachingSessionsPerDay}");
        Limits.Validate();
        Faults.Validate();
        Responses.Validate();
        Api.Validate();
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

    /// <summary>
    /// The wait a limiter 429 asks for: null (the default) says exactly when the window has room; a number says that many
    /// ms whatever the window (a server whose Retry-After is short or fixed, as a client once met).
    /// </summary>
    public int? RetryAfterMs { get; init; }

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
        ServerConfig.Require(RetryAfterMs is null or >= 0, "limits.retryAfterMs must be >= 0 (or null: the exact wait)");
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
