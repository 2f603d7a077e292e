using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer;

/// <summary>
/// Where dataUrl points: a stand-in for a presigned storage URL. It lives outside /api/v1, is authorised only by its
/// signature, and refuses requests carrying an apitoken header (a client must not leak its token to storage).
/// </summary>
internal sealed class DownloadEndpoints(
    ExportStore exports, ExportFileCache files, FaultInjector faults, ConfigStore config, ServerClock clock)
{
    private const string SignatureParameter = "sig";

    public static string UrlFor(HttpContext context, ExportJob job) =>
        $"http://127.0.0.1:{context.Connection.LocalPort}/{ApiRoutes.DownloadsName}/{Uri.EscapeDataString(job.Id)}/" +
        $"{Uri.EscapeDataString(job.FileName)}?{SignatureParameter}={job.Signature}";

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet($"/{ApiRoutes.DownloadsName}/{{exportId}}/{{fileName}}", ServeAsync);

    private async Task ServeAsync(HttpContext context, string exportId, string fileName)
    {
        var record = RequestLog.Of(context);
        record.Route = ApiRoutes.DownloadsName;
        record.EndpointClass = EndpointClass.Download.WireName();
        record.ExportId = exportId;
        var credential = Auth.Resolve(context.Request, RequestBody.None, bodyTokenAllowed: false);
        record.SetCredential(credential);
        if (credential.HadApiTokenHeader)
        {
            throw ApiException.Forbidden(
                $"Download URLs are presigned: a request must not carry an '{Auth.HeaderName}' header");
        }

        var job = exports.FindKnown(exportId);
        if (job is null || !job.IsDownloadableAt(clock.ElapsedMs) || job.FileName != fileName)
        {
            throw ApiException.NotFound("No such file");
        }

        if (context.Request.Query[SignatureParameter].ToString() != job.Signature)
        {
            throw ApiException.Forbidden("Request signature is missing or does not match");
        }

        var plan = faults.Decide(context, ApiRoutes.Downloads);
        if (await faults.InterceptAsync(context, record, plan))
        {
            return;
        }

        var path = await files.GetPathAsync(job);
        var contentType = job.IsZip ? "application/zip" : "text/csv; charset=utf-8";
        switch (plan.Kind)
        {
            case FaultKind.Truncate:
                record.Fault = FaultNames.WireName(plan.Kind);
                await StorageFaults.SendTruncatedAsync(context, path, contentType);
                break;
            case FaultKind.Stall:
                record.Fault = FaultNames.WireName(plan.Kind);
                await StorageFaults.SendStalledAsync(context, path, contentType, config.Current.Faults.HangMs);
                break;
            default:
                await TypedResults.PhysicalFile(path, contentType).ExecuteAsync(context);
                break;
        }
    }
}
