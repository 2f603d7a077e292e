using Microsoft.AspNetCore.Http.Features;

namespace MaestroQA.MockServer;

/// <summary>
/// The old host, as it may answer once the API has moved: a second loopback listener that redirects every request,
/// whatever its path or method (/admin too), to the same path and query on the main listener (api.moved). It checks no
/// token and changes nothing, but records each request (route "moved"), so a test can prove what reached it.
/// </summary>
internal sealed class MovedHost(ConfigStore config, RequestLog log)
{
    public const string RouteName = "moved";

    private int _mainPort;
    private int _movedPort = -1;

    /// <summary>Where the moved host listens, once bound: what GET /admin/health reports as movedUrl.</summary>
    public string Url => $"http://127.0.0.1:{Volatile.Read(ref _movedPort)}/";

    public void Bound(int mainPort, int movedPort)
    {
        _mainPort = mainPort;
        Volatile.Write(ref _movedPort, movedPort);
    }

    /// <summary>First in the pipeline: a request to the moved host goes no further than its redirect.</summary>
    public async Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (context.Connection.LocalPort == Volatile.Read(ref _movedPort))
        {
            await log.RecordAsync(context, RedirectAsync);
            return;
        }

        await next(context);
    }

    private async Task RedirectAsync(HttpContext context)
    {
        var record = RequestLog.Of(context);
        record.Route = RouteName;
        // Read, so a token sent in the body is seen too (tokenSource "body"): a client must not leak it to the old host either.
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        record.SetCredential(Auth.Resolve(context.Request, body, bodyTokenAllowed: true));

        var moved = config.Current.Api.Moved;
        var host = moved.Target == MovedTarget.OtherHost ? "localhost" : "127.0.0.1";
        context.Response.StatusCode = moved.Status;
        context.Response.Headers.Location = $"http://{host}:{_mainPort}{PathAndQuery(context.Request)}";
    }

    /// <summary>The target as sent (so %2F stays %2F), unless it came in absolute form.</summary>
    private static string PathAndQuery(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is ['/', ..] target
            ? target
            : $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}{request.QueryString.ToUriComponent()}";
}
