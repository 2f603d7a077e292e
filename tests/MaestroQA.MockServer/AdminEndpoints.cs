using System.Text.Json;
using MaestroQA.MockServer.Coaching;
using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer;

/// <summary>
/// /admin: how tests configure the server and read back the truth. Not authenticated, not rate limited,
/// not faulted and not recorded.
/// </summary>
internal sealed class AdminEndpoints(
    ConfigStore config,
    ExportStore exports,
    ExportFileCache files,
    TicketStore tickets,
    RequestLog requests,
    RateLimiter limiter,
    FaultInjector faults,
    MovedHost movedHost,
    CoachingEndpoints coaching,
    ServerClock clock)
{
    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/health", () => Results.Json(new { status = "ok", movedUrl = movedHost.Url }));

        admin.MapGet("/config", () => Results.Json(config.Current, ServerConfig.JsonOptions));
        admin.MapPost("/config", (Delegate)ReplaceConfigAsync);
        admin.MapPost("/reset", Reset);

        admin.MapGet("/requests", () => Results.Json(requests.Snapshot()));
        admin.MapDelete("/requests", () =>
        {
            requests.Clear();
            return Results.Ok();
        });

        admin.MapGet("/exports", (HttpContext context) => Results.Json(exports.All.Select(job => Describe(context, job))));
        admin.MapGet("/exports/{exportId}", (HttpContext context, string exportId) =>
            Results.Json(Describe(context, FindExport(exportId))));
        admin.MapGet("/exports/{exportId}/rows/{table}", WriteRowsAsync);
        admin.MapDelete("/exports/{exportId}", (HttpContext context, string exportId) =>
        {
            var job = FindExport(exportId);
            job.Forget(clock.ElapsedMs);
            return Results.Json(Describe(context, job));
        });

        // The test oracle: the coaching export's sessions for any range, without its limits or its 90-day rule.
        admin.MapGet("/coaching-sessions", (HttpContext context) => coaching.Sessions(CoachingQuery.Parse(
            Query(context, CoachingQuery.StartField), Query(context, CoachingQuery.EndField), Query(context, CoachingQuery.AxisField))));

        admin.MapGet("/tickets", () => Results.Json(tickets.All));
        admin.MapPost("/tickets", (Delegate)SeedTicketAsync);
        admin.MapDelete("/tickets", () =>
        {
            tickets.Clear();
            return Results.Ok();
        });
    }

    /// <summary>Replaces the whole config (fields left out take defaults). Limiter windows are cleared: their lengths may have changed.</summary>
    private async Task<IResult> ReplaceConfigAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var json = await reader.ReadToEndAsync(context.RequestAborted);
        Apply(ServerConfig.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json));
        return Results.Json(config.Current, ServerConfig.JsonOptions);
    }

    /// <summary>Back to the startup config (the --config file, else the defaults) with no tickets, exports, records or windows.</summary>
    private IResult Reset()
    {
        tickets.Clear();
        exports.Clear();
        files.Clear();
        requests.Clear();
        Apply(config.Startup);
        return Results.Json(config.Current, ServerConfig.JsonOptions);
    }

    private void Apply(ServerConfig newConfig)
    {
        config.Replace(newConfig);
        limiter.Clear();
        faults.Reseed();
    }

    /// <summary>The table's rows with logical values: ISO UTC dates, null for missing, numbers, id arrays, booleans.</summary>
    private async Task WriteRowsAsync(HttpContext context, string exportId, string table)
    {
        var job = FindExport(exportId);
        var exportTable = job.Tables.FirstOrDefault(candidate => candidate.Name == table)
            ?? throw ApiException.NotFound(
                $"Export '{exportId}' has no table '{table}'; it has: {string.Join(", ", job.Tables.Select(t => t.Name))}");
        context.Response.ContentType = "application/json; charset=utf-8";
        await TableWriters.WriteJsonAsync(context.Response.BodyWriter, job, exportTable, context.RequestAborted);
    }

    /// <summary>
    /// Seeds a ticket as if it existed already, read as the profile's POST tickets reads one (bar api.requireTicketId);
    /// "synced": true makes it a helpdesk-synced one.
    /// </summary>
    private async Task<IResult> SeedTicketAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context.Request, context.RequestAborted)).Fields;
        var edition = TicketEdition.Of(config.Current.Api) with { RequireTicketId = false };
        var ticket = Ticket.FromBody(body, clock.UtcNow, edition) with
        {
            Synced = body.OptionalBool("synced") ?? false,
        };
        return Results.Json(tickets.Add(ticket), statusCode: StatusCodes.Status201Created);
    }

    private static string? Query(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    private ExportJob FindExport(string exportId) =>
        exports.Find(exportId) ?? throw ApiException.NotFound($"Export '{exportId}' not found");

    /// <summary>The export as the server knows it, forgotten or not; "entries" says which CSV holds which table, header as written.</summary>
    private object Describe(HttpContext context, ExportJob job)
    {
        var now = clock.ElapsedMs;
        var request = job.Request;
        var forgotten = job.IsForgottenAt(now);
        return new
        {
            exportId = job.Id,
            kind = request.Kind switch
            {
                ExportKind.Raw => "raw",
                ExportKind.Groups => "groups",
                _ => "audit_log",
            },
            name = job.Name,
            nameGiven = request.Name is not null,
            startDate = DateFormats.Iso(request.StartDate),
            endDate = DateFormats.Iso(request.EndDate),
            singleFileExport = request.SingleFileExport,
            includeCalibrations = request.IncludeCalibrations,
            includeGraderQA = request.IncludeGraderQA,
            includeUnavailable = request.IncludeUnavailable,
            requestedAt = DateFormats.Iso(job.RequestedAtUtc),
            requestedAtElapsedMs = job.RequestedAtMs,
            status = job.StatusAt(now),
            errored = job.Errored,
            hasData = job.HasData,
            rows = job.Rows,
            forgotten,
            fileName = job.FileName,
            tables = job.Tables.Select(table => table.Name),
            // Spelt as in the config (enum names as words).
            files = JsonSerializer.SerializeToElement(job.Files, ServerConfig.JsonOptions),
            entries = Entries(job).Select(entry => new
            {
                name = entry.Name,
                table = entry.Table.Name,
                columns = TableLayout.For(job, entry.Table).Header,
            }),
            dataUrl = job.IsDownloadableAt(now) && !forgotten ? DownloadEndpoints.UrlFor(context, job) : "",
        };
    }

    /// <summary>A zip's entries, or the one CSV (named as in dataUrl) of any other export.</summary>
    private static IReadOnlyList<ZipEntry> Entries(ExportJob job) =>
        job.IsZip ? ZipLayout.Entries(job) : [new ZipEntry(job.FileName, job.Tables.Single())];
}
