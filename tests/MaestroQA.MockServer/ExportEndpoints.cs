using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer;

/// <summary>
/// Requesting exports and polling them: request-raw-export, request-groups-export, request-audit-log-export,
/// get-export-data (the article) and export-data/{exportId} (today's edition).
/// </summary>
internal sealed class ExportEndpoints(ExportStore exports, ConfigStore config, ServerClock clock)
{
    public const string ExportIdParameter = "exportId";
    private static readonly string[] CalibrationModes = ["all", "none", "only"];

    public void Map(IEndpointRouteBuilder api, ApiPipeline pipeline)
    {
        api.MapPost(ApiRoutes.RequestRawExport.Name, pipeline.Endpoint(ApiRoutes.RequestRawExport, RequestRawExport));
        api.MapPost(ApiRoutes.RequestGroupsExport.Name, pipeline.Endpoint(ApiRoutes.RequestGroupsExport, RequestGroupsExport));
        api.MapPost(ApiRoutes.RequestAuditLogExport.Name, pipeline.Endpoint(ApiRoutes.RequestAuditLogExport, RequestAuditLogExport));
        api.MapGet(ApiRoutes.GetExportData.Name, pipeline.Endpoint(ApiRoutes.GetExportData, GetExportData));
        api.MapGet($"{ApiRoutes.ExportData.Name}/{{{ExportIdParameter}}}",
            pipeline.Endpoint(ApiRoutes.ExportData, ExportData, identify: (context, record) => record.ExportId = PathExportIdOf(context)));
    }

    private IResult RequestRawExport(ApiRequest request)
    {
        var body = request.Body;
        var (start, end) = RequiredDateRange(body);
        return Accept(request, new ExportRequest(
            ExportKind.Raw,
            body.OptionalString("name"),
            start,
            end,
            SingleFileExport: body.OptionalEnum("singleFileExport", ExportTables.SingleFileNames),
            IncludeCalibrations: body.OptionalEnum("includeCalibrations", CalibrationModes) ?? "none",
            IncludeGraderQA: body.OptionalBool("includeGraderQA") ?? false));
    }

    private IResult RequestGroupsExport(ApiRequest request) => Accept(request, new ExportRequest(
        ExportKind.Groups,
        request.Body.OptionalString("name"),
        IncludeUnavailable: request.Body.OptionalBool("includeUnavailable") ?? false));

    private IResult RequestAuditLogExport(ApiRequest request)
    {
        var (start, end) = RequiredDateRange(request.Body);
        return Accept(request, new ExportRequest(ExportKind.AuditLog, request.Body.OptionalString("name"), start, end));
    }

    /// <summary>The export a request names: in a header, the JSON body or the query string, in that order of precedence.</summary>
    public static string? ExportIdOf(HttpRequest request, string? bodyExportId) =>
        NonEmpty(request.Headers[ExportIdParameter].ToString())
        ?? NonEmpty(bodyExportId)
        ?? NonEmpty(request.Query[ExportIdParameter].ToString());

    /// <summary>dataUrl stays "" until the export is complete with a file to download. Status names per responses.*Status.</summary>
    private IResult GetExportData(ApiRequest request)
    {
        // A body exportId that is present must be a valid one, even when a header also names the export.
        var bodyExportId = request.Body.OptionalString(ExportIdParameter, allowEmpty: false);
        var id = ExportIdOf(request.Context.Request, bodyExportId) ?? throw ApiException.InvalidParameter(
            $"Missing required parameter '{ExportIdParameter}': pass it in a header, the JSON body or the query string");
        return StatusOf(request.Context, id);
    }

    /// <summary>Today's edition: the id is the path's last segment; the answer is get-export-data's.</summary>
    private IResult ExportData(ApiRequest request) => StatusOf(request.Context, PathExportIdOf(request.Context));

    private static string PathExportIdOf(HttpContext context) => context.GetRouteValue(ExportIdParameter) as string ?? "";

    private IResult StatusOf(HttpContext context, string id)
    {
        // A forgotten export is answered exactly as one that never existed.
        var job = exports.FindKnown(id) ?? throw ApiException.NotFound($"Export '{id}' not found");
        var now = clock.ElapsedMs;
        return Results.Json(new
        {
            status = config.Current.Responses.WireStatus(job.StatusAt(now)),
            dataUrl = job.IsDownloadableAt(now) ? DownloadEndpoints.UrlFor(context, job) : "",
        });
    }

    private IResult Accept(ApiRequest request, ExportRequest exportRequest)
    {
        var job = exports.Add(exportRequest, config.Current);
        request.Record.ExportId = job.Id;
        return Results.Json(new { exportId = job.Id });
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static (DateTime Start, DateTime End) RequiredDateRange(BodyFields body)
    {
        var start = body.RequiredDate("startDate");
        var end = body.RequiredDate("endDate");
        return start < end
            ? (start, end)
            : throw ApiException.InvalidParameter("Invalid parameters: 'startDate' must be before 'endDate'");
    }
}
