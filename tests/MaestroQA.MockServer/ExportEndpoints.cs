using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer;

/// <summary>Requesting exports and polling them: request-raw-export, request-groups-export, request-audit-log-export, get-export-data.</summary>
internal sealed class ExportEndpoints(ExportStore exports, ConfigStore config, ServerClock clock)
{
    private const string ExportIdParameter = "exportId";
    private static readonly string[] CalibrationModes = ["all", "none", "only"];

    public void Map(IEndpointRouteBuilder api, ApiPipeline pipeline)
    {
        api.MapPost(ApiRoutes.RequestRawExport.Name, pipeline.Endpoint(ApiRoutes.RequestRawExport, RequestRawExport));
        api.MapPost(ApiRoutes.RequestGroupsExport.Name, pipeline.Endpoint(ApiRoutes.RequestGroupsExport, RequestGroupsExport));
        api.MapPost(ApiRoutes.RequestAuditLogExport.Name, pipeline.Endpoint(ApiRoutes.RequestAuditLogExport, RequestAuditLogExport));
        api.MapGet(ApiRoutes.GetExportData.Name, pipeline.Endpoint(ApiRoutes.GetExportData, GetExportData));
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

    /// <summary>The id may come in a header, the JSON body or the query string; dataUrl stays "" until there is a file.</summary>
    private IResult GetExportData(ApiRequest request)
    {
        var header = request.Context.Request.Headers[ExportIdParameter].ToString();
        var query = request.Context.Request.Query[ExportIdParameter].ToString();
        var id = header.Length > 0 ? header
            : request.Body.OptionalString(ExportIdParameter, allowEmpty: false) is { } fromBody ? fromBody
            : query.Length > 0 ? query
            : throw ApiException.BadRequest(
                $"Missing required parameter '{ExportIdParameter}': pass it in a header, the JSON body or the query string");
        request.Record.ExportId = id;
        var job = exports.Find(id) ?? throw ApiException.NotFound($"Export '{id}' not found");
        var now = clock.ElapsedMs;
        return Results.Json(new
        {
            status = job.StatusAt(now),
            dataUrl = job.IsDownloadableAt(now) ? DownloadEndpoints.UrlFor(request.Context, job) : "",
        });
    }

    private IResult Accept(ApiRequest request, ExportRequest exportRequest)
    {
        var job = exports.Add(exportRequest, config.Current);
        request.Record.ExportId = job.Id;
        return Results.Json(new { exportId = job.Id });
    }

    private static (DateTime Start, DateTime End) RequiredDateRange(BodyFields body)
    {
        var start = body.RequiredDate("startDate");
        var end = body.RequiredDate("endDate");
        return start < end
            ? (start, end)
            : throw ApiException.BadRequest("Invalid parameters: 'startDate' must be before 'endDate'");
    }
}
