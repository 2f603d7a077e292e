namespace MaestroQA.MockServer;

internal enum FaultKind
{
    None,
    Error500,
    Error502,
    Error503,
    TooManyRequests,
    Hang,
    Reset,
    Truncate,
    ResetAfterCommit,
    Redirect,
}

/// <summary>What the injector decided for one request: a fault (or none) and the extra latency its route gets.</summary>
internal readonly record struct FaultPlan(FaultKind Kind, int LatencyMs);

/// <summary>
/// Decides each request's injected fault from a seeded generator (the n-th faultable request always gets the same
/// fate) and performs the faults that replace the endpoint's work, so a faulted request changes no state.
/// </summary>
internal sealed class FaultInjector
{
    public const string RedirectedMarker = "redirected";

    private readonly Lock _gate = new();
    private readonly ConfigStore _config;
    private readonly DeterministicRandom _random = new(0);

    public FaultInjector(ConfigStore config)
    {
        _config = config;
        Reseed();
    }

    /// <summary>Restarts the sequence from faults.seed (after a config change or reset).</summary>
    public void Reseed()
    {
        lock (_gate)
        {
            _random.Reseed(StableHash.Seed(_config.Current.Faults.Seed).Value);
        }
    }

    public FaultPlan Decide(string route, bool canTruncate = false, bool canFaultAfterCommit = false)
    {
        var faults = _config.Current.Faults;
        var covered = faults.Routes?.Contains(route) ?? route != ApiRoutes.DownloadsName;
        if (!covered)
        {
            return new FaultPlan(FaultKind.None, 0);
        }

        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }

        var threshold = 0.0;
        foreach (var (kind, rate) in faults.Rates)
        {
            var applies = kind switch
            {
                FaultKind.Truncate => canTruncate,
                FaultKind.ResetAfterCommit => canFaultAfterCommit,
                _ => true,
            };
            threshold += applies ? rate : 0;
            if (draw < threshold)
            {
                return new FaultPlan(kind, faults.LatencyMs);
            }
        }

        return new FaultPlan(FaultKind.None, faults.LatencyMs);
    }

    /// <summary>
    /// Applies latency and the faults that happen before the endpoint runs. Returns true when the fault has answered
    /// or dropped the request; Truncate and ResetAfterCommit are left to the caller, which knows when to act.
    /// </summary>
    public async Task<bool> InterceptAsync(HttpContext context, RequestRecord record, FaultPlan plan)
    {
        if (plan.LatencyMs > 0)
        {
            await Task.Delay(plan.LatencyMs, context.RequestAborted);
        }

        // A redirect's target is the same route under another host name; answering it again would loop.
        if (plan.Kind is FaultKind.None or FaultKind.Truncate or FaultKind.ResetAfterCommit
            || (plan.Kind == FaultKind.Redirect && context.Request.Query.ContainsKey(RedirectedMarker)))
        {
            return false;
        }

        record.Fault = WireName(plan.Kind);
        switch (plan.Kind)
        {
            case FaultKind.Hang:
                // Answers normally if the client is still there; a client that timed out cancels the rest.
                await Task.Delay(_config.Current.Faults.HangMs, context.RequestAborted);
                return false;
            case FaultKind.Reset:
                context.Abort();
                return true;
            case FaultKind.Redirect:
                context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = RedirectTarget(context.Request);
                return true;
            case FaultKind.TooManyRequests:
                await ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                    RetryAfter.Headers(_config.Current.Faults.RetryAfterMs, withMilliseconds: true));
                return true;
            case FaultKind.Error500:
                await ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal server error");
                return true;
            default:
                await WriteGatewayPageAsync(context, plan.Kind == FaultKind.Error502 ? 502 : 503);
                return true;
        }
    }

    public static string WireName(FaultKind kind) => kind switch
    {
        FaultKind.Error500 => "500",
        FaultKind.Error502 => "502",
        FaultKind.Error503 => "503",
        FaultKind.TooManyRequests => "429",
        FaultKind.Hang => "hang",
        FaultKind.Reset => "reset",
        FaultKind.Truncate => "truncate",
        FaultKind.ResetAfterCommit => "reset_after_commit",
        FaultKind.Redirect => "redirect",
        _ => "none",
    };

    /// <summary>
    /// The same request on "localhost" instead of 127.0.0.1: another host as far as a client can tell, so a client that
    /// follows the redirect with its apitoken header shows up in the log with that header.
    /// </summary>
    private static string RedirectTarget(HttpRequest request)
    {
        var query = request.QueryString.Add(RedirectedMarker, "1");
        return $"http://localhost:{request.HttpContext.Connection.LocalPort}{request.PathBase}{request.Path}{query}";
    }

    /// <summary>502/503 come from the load balancer in front of the API, so they are HTML, not the API's JSON.</summary>
    private static Task WriteGatewayPageAsync(HttpContext context, int statusCode)
    {
        var title = statusCode == 502 ? "502 Bad Gateway" : "503 Service Temporarily Unavailable";
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(
            $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n",
            context.RequestAborted);
    }
}
