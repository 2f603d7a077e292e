using System.Net;
using System.Text.Encodings.Web;
using MaestroQA.MockServer;
using MaestroQA.MockServer.Coaching;
using MaestroQA.MockServer.ExportFiles;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The local MaestroQA server: the vendor's API on loopback, in memory, configurable per test through /admin.
CommandLineOptions options;
ServerConfig startupConfig;
try
{
    options = CommandLineOptions.Parse(args);
    startupConfig = options.ConfigPath is null ? new ServerConfig() : ServerConfig.Parse(File.ReadAllText(options.ConfigPath));
}
catch (Exception error) when (error is FormatException or IOException or ApiException or OverflowException)
{
    Console.Error.WriteLine($"{error.Message}\n{CommandLineOptions.Usage}");
    return 2;
}

// No args for the host: ours are not ASP.NET configuration keys.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
// The API's listener, and the moved (old) host's, which redirects every request to it.
ListenOptions? mainListener = null;
ListenOptions? movedListener = null;
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, options.Port, listen => mainListener = listen);
    kestrel.Listen(IPAddress.Loopback, 0, listen => movedListener = listen);
});
builder.Logging.ClearProviders()
    .SetMinimumLevel(LogLevel.Warning)
    // stdout carries only the ready line; anything worth logging goes to stderr.
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
// A hung (fault-injected) request must not keep a stopping server alive.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
// UTF-8 as is (as the real, Node-based API answers), not \u-escaped.
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
builder.Services
    .AddSingleton(new ConfigStore(startupConfig))
    .AddSingleton<ServerClock>()
    .AddSingleton<RequestLog>()
    .AddSingleton<MovedHost>()
    .AddSingleton<RateLimiter>()
    .AddSingleton<FaultInjector>()
    .AddSingleton<ApiPipeline>()
    .AddSingleton<ExportStore>()
    .AddSingleton<ExportFileCache>()
    .AddSingleton<TicketStore>()
    .AddSingleton<ExportEndpoints>()
    .AddSingleton<DownloadEndpoints>()
    .AddSingleton<TicketEndpoints>()
    .AddSingleton<CaptureUsageEndpoints>()
    .AddSingleton<AgentEndpoints>()
    .AddSingleton<CoachingEndpoints>()
    .AddSingleton<AdminEndpoints>();

await using var app = builder.Build();
var movedHost = app.Services.GetRequiredService<MovedHost>();
app.Use(movedHost.Middleware);
app.Use(app.Services.GetRequiredService<RequestLog>().Middleware);
app.Use(ApiErrors.Middleware);

var pipeline = app.Services.GetRequiredService<ApiPipeline>();
var api = app.MapGroup("/api/v1");
app.Services.GetRequiredService<ExportEndpoints>().Map(api, pipeline);
app.Services.GetRequiredService<CaptureUsageEndpoints>().Map(api, pipeline);
app.Services.GetRequiredService<TicketEndpoints>().Map(api, pipeline);
app.Services.GetRequiredService<AgentEndpoints>().Map(api, pipeline);
app.Services.GetRequiredService<CoachingEndpoints>().Map(api, pipeline);
app.Services.GetRequiredService<DownloadEndpoints>().Map(app);
app.Services.GetRequiredService<AdminEndpoints>().Map(app);
app.MapFallback(context => throw ApiRoutes.NoRoute(context));

await app.StartAsync();
// Kestrel writes the ports it bound back into the listen options.
var mainPort = mainListener!.IPEndPoint!.Port;
movedHost.Bound(mainPort, movedListener!.IPEndPoint!.Port);
Console.Out.WriteLine($"MAESTROQA_MOCK_URL=http://127.0.0.1:{mainPort}/");
Console.Out.Flush();

ShutdownTriggers.Watch(options, app.Lifetime);
await app.WaitForShutdownAsync();
return 0;
