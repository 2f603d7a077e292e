using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer;

/// <summary>
/// Where dataUrl points: a stand-in for a presigned storage URL. It lives outside /api/v1, is authorised only by its
/// signature, and refuses requests carrying an apitoken header (a client must not leak its token to storage).
/// </summary>
internal sealed class DownloadEndpoints(ExportStore exports, ExportFileCache files, FaultInjector faults, ServerClock clock)
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

        var job = exports.Find(exportId);
        if (job is null || !job.IsDownloadableAt(clock.ElapsedMs) || job.FileName != fileName)
        {
            throw ApiException.NotFound("No such file");
        }

        if (context.Request.Query[SignatureParameter].ToString() != job.Signature)
        {
            throw ApiException.Forbidden("Request signature is missing or does not match");
        }

        var plan = faults.Decide(ApiRoutes.DownloadsName, canTruncate: true);
        if (await faults.InterceptAsync(context, record, plan))
        {
            return;
        }

        var path = await files.GetPathAsync(job);
        var contentType = job.IsZip ? "application/zip" : "text/csv; charset=utf-8";
        if (plan.Kind == FaultKind.Truncate)
        {
            record.Fault = FaultInjector.WireName(plan.Kind);
            await SendTruncatedAsync(context, path, contentType);
            return;
        }

        await TypedResults.PhysicalFile(path, contentType).ExecuteAsync(context);
    }

    /// <summary>Promises the whole file in Content-Length, sends half, then drops the connection.</summary>
    private static async Task SendTruncatedAsync(HttpContext context, string path, string contentType)
    {
        await using var file = File.OpenRead(path);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = file.Length;
        var buffer = new byte[1 << 16];
        for (var remaining = Math.Max(1, file.Length / 2); remaining > 0;)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), context.RequestAborted);
            if (read == 0)
            {
                break;
            }

            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            remaining -= read;
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }
}
