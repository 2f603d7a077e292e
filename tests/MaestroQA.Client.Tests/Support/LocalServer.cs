using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MaestroQA.Client.Api;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Support;

/// <summary>
/// The project's local MaestroQA server (tests/MaestroQA.MockServer), started once per test class that uses it as a
/// fixture: the client is tested over loopback HTTP against it, never against a mock of our own code.
/// </summary>
public sealed class LocalServer : IDisposable
{
    public const string Token = "mqa-test-token-0001";

    /// <summary>
    /// A token for tests that draw 429s on purpose: a 429 holds the token's class for a minute window in the whole
    /// process (ApiRateLimiter.HoldAfterRefusal), which must not slow other tests' tokens.
    /// </summary>
    public const string RetryToken = "mqa-test-token-retry";
    private static readonly HttpClient Admin = new();
    private readonly Process _process;

    public LocalServer()
    {
        // tests/MaestroQA.Client.Tests/bin/<Configuration>/<tfm>/ -> tests/MaestroQA.MockServer/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent!.Name;
        string dll = Path.Combine(output.Parent!.Parent!.Parent!.Parent!.FullName, "MaestroQA.MockServer", "bin", configuration, "net10.0", "MaestroQA.MockServer.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The local MaestroQA server is not built ({dll}); build the solution first.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string argument in new[] { dll, "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        Task<string?> line = ReadUrlAsync(_process);
        if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result is null)
        {
            _process.Kill();
            throw new InvalidOperationException("The local MaestroQA server did not report its URL within 60 s.");
        }

        Url = new Uri(line.Result);
        ApiUri = new Uri(Url, "api/v1/");
        _ = _process.StandardOutput.ReadToEndAsync();
        MovedUrl = new Uri(Get("admin/health")["movedUrl"]!.GetValue<string>());
        MovedApiUri = new Uri(MovedUrl, "api/v1/");
    }

    public Uri Url { get; }

    public Uri ApiUri { get; }

    /// <summary>The moved (old) host: every request to it is redirected to <see cref="Url"/> per the config's api.moved, and recorded as route "moved".</summary>
    public Uri MovedUrl { get; }

    public Uri MovedApiUri { get; }

    /// <summary>A client with a token of its own, so no other test's permits slow it down; windows scaled to a tenth.</summary>
    public MaestroQAClient NewClient(string token = Token, int maxRetryCount = 3, IApiLog? log = null) =>
        new(new ApiTransport(Options(token, maxRetryCount)), log);

    public MaestroQAClientOptions Options(string token = Token, int maxRetryCount = 3) =>
        new(new ApiToken(token), ApiUri)
        {
            MaxRetryCount = maxRetryCount,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            DemandingLimit = new RateLimitPolicy(1, 30) { WindowScale = 0.1 },
            EasyLimit = new RateLimitPolicy(10, 100) { WindowScale = 0.1 },
        };

    /// <summary>Replaces the whole server config (omitted fields take defaults) with windows scaled as the clients' are.</summary>
    public void Configure(object? config = null)
    {
        JsonObject body = config is null ? new JsonObject() : JsonSerializer.SerializeToNode(config)!.AsObject();
        body["limits"] ??= new JsonObject { ["windowScale"] = 0.1 };
        body["validTokens"] ??= new JsonArray(Token, "mqa-test-token-0002", "YOUR_API_TOKEN", RetryToken);
        Post("admin/config", body);
    }

    public void Reset()
    {
        Post("admin/reset", new JsonObject());
        Configure();
    }

    public JsonArray Requests() => Get("admin/requests").AsArray();

    /// <summary>The recorded requests on one route (request-raw-export, get-export-data, downloads, ...), in order.</summary>
    public List<JsonNode> Requests(string route) =>
        Requests().Where(request => request!["route"]!.GetValue<string>() == route).Select(request => request!).ToList();

    public JsonArray Tickets() => Get("admin/tickets").AsArray();

    public JsonArray Exports() => Get("admin/exports").AsArray();

    /// <summary>The oracle: the coaching export's answer for any range of days, both included, without its limits.</summary>
    public JsonArray CoachingSessions(string startDay, string endDay, string timeAxis) =>
        Get($"admin/coaching-sessions?startDate={startDay}&endDate={endDay}&timeAxis={timeAxis}").AsArray();

    public void SeedTicket(object ticket) => Post("admin/tickets", JsonSerializer.SerializeToNode(ticket)!);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }

    private static async Task<string?> ReadUrlAsync(Process process)
    {
        const string prefix = "MAESTROQA_MOCK_URL=";
        while (await process.StandardOutput.ReadLineAsync() is string line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line.Substring(prefix.Length).Trim();
            }
        }

        return null;
    }

    private JsonNode Get(string path) =>
        JsonNode.Parse(Admin.GetStringAsync(new Uri(Url, path)).GetAwaiter().GetResult())!;

    private void Post(string path, JsonNode body)
    {
        using HttpResponseMessage response = Admin.PostAsJsonAsync(new Uri(Url, path), body).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }
}
