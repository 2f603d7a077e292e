namespace MaestroQA.MockServer;

/// <summary>The bodies and redirect targets of injected faults that answer instead of the endpoint.</summary>
internal static class FaultResponses
{
    private static readonly byte[] BigBodyHead = "{\"padding\":\""u8.ToArray();
    private static readonly byte[] BigBodyTail = "\"}"u8.ToArray();
    private static readonly byte[] Padding = Enumerable.Repeat((byte)'x', 1 << 16).ToArray();

    /// <summary>
    /// The same request on "localhost" instead of 127.0.0.1: another host as far as a client can tell, so a client that
    /// follows the redirect with its apitoken header shows up in the log with that header.
    /// </summary>
    public static string RedirectTarget(HttpRequest request)
    {
        var query = request.QueryString.Add(FaultInjector.RedirectedMarker, "1");
        return $"http://localhost:{request.HttpContext.Connection.LocalPort}{request.PathBase}{request.Path}{query}";
    }

    /// <summary>The very URL of a loop hop: the first 307 adds the marker, every later one points back to itself.</summary>
    public static string RedirectLoopTarget(HttpRequest request)
    {
        var query = request.Query.ContainsKey(FaultInjector.RedirectLoopMarker)
            ? request.QueryString
            : request.QueryString.Add(FaultInjector.RedirectLoopMarker, "1");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query}";
    }

    /// <summary>502/503 come from the load balancer in front of the API, so they are HTML, not the API's JSON.</summary>
    public static Task WriteGatewayPageAsync(HttpContext context, int statusCode) =>
        WriteHtmlAsync(context, statusCode, statusCode == 502 ? "502 Bad Gateway" : "503 Service Temporarily Unavailable");

    /// <summary>What a captive portal, a WAF or a storage front end answers: a 200 that is an error page, not the content.</summary>
    public static Task WriteHtmlErrorPageAsync(HttpContext context) =>
        WriteHtmlAsync(context, StatusCodes.Status200OK, "Something went wrong. Please try again later.");

    /// <summary>A valid JSON object of exactly <paramref name="bytes"/> bytes, written from one small buffer: never held whole.</summary>
    public static async Task WriteBigBodyAsync(HttpContext context, long bytes, bool chunked)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (!chunked)
        {
            response.ContentLength = bytes;
        }

        var cancellation = context.RequestAborted;
        await response.Body.WriteAsync(BigBodyHead, cancellation);
        for (var remaining = bytes - BigBodyHead.Length - BigBodyTail.Length; remaining > 0;)
        {
            var count = (int)Math.Min(Padding.Length, remaining);
            await response.Body.WriteAsync(Padding.AsMemory(0, count), cancellation);
            remaining -= count;
        }

        await response.Body.WriteAsync(BigBodyTail, cancellation);
    }

    private static Task WriteHtmlAsync(HttpContext context, int statusCode, string title)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(
            $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n",
            context.RequestAborted);
    }
}
