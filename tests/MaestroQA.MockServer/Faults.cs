using System.Diagnostics;

namespace MaestroQA.MockServer;

/// <summary>What the injector decided for one request: a fault (or none) and the delay its route gets (latency plus jitter).</summary>
internal readonly record struct FaultPlan(FaultKind Kind, int LatencyMs);

/// <summary>
/// Decides each request's injected fault, from faults.sequence for the first requests of each route and then from a
/// seeded generator (the n-th faultable request always gets the same fate), and performs the faults that replace the
/// endpoint's work, so a faulted request changes no state.
/// </summary>
internal sealed class FaultInjector
{
    public const string RedirectedMarker = "redirected";
    public const string RedirectLoopMarker = "redirect-loop";

    private readonly Lock _gate = new();
    private readonly ConfigStore _config;
    private readonly DeterministicRandom _random = new(0);

    // Its own stream, so turning jitter on does not change which requests fault.
    private readonly DeterministicRandom _jitter = new(0);
    private readonly Dictionary<string, int> _decidedPerRoute = new(StringComparer.Ordinal);

    public FaultInjector(ConfigStore config)
    {
        _config = config;
        Reseed();
    }

    /// <summary>Restarts the sequences and the generators from faults.seed (after a config change or reset).</summary>
    public void Reseed()
    {
        lock (_gate)
        {
            var seed = StableHash.Seed(_config.Current.Faults.Seed);
            _random.Reseed(seed.Value);
            _jitter.Reseed(seed.Add("latencyJitterMs").Value);
            _decidedPerRoute.Clear();
        }
    }

    /// <summary>Truncate and stall need a file being sent; a lost response needs a state change to lose.</summary>
    public static bool CanHappen(FaultKind kind, ApiRoute route) => kind switch
    {
        FaultKind.Truncate or FaultKind.Stall => route.Class == EndpointClass.Download,
        FaultKind.ResetAfterCommit => route.CanFaultAfterCommit,
        _ => true,
    };

    public FaultPlan Decide(HttpContext context, ApiRoute route)
    {
        // A hop of a redirect loop loops again, whatever the sequence or the rates say, and uses up neither.
        if (context.Request.Query.ContainsKey(RedirectLoopMarker))
        {
            return new FaultPlan(FaultKind.RedirectLoop, 0);
        }

        var faults = _config.Current.Faults;
        if (!faults.Covers(route))
        {
            return new FaultPlan(FaultKind.None, 0);
        }

        lock (_gate)
        {
            var latency = faults.LatencyMs + (faults.LatencyJitterMs > 0 ? _jitter.Next(0, faults.LatencyJitterMs + 1) : 0);
            var index = _decidedPerRoute.GetValueOrDefault(route.Name);
            _decidedPerRoute[route.Name] = index + 1;
            // An entry that cannot happen on this request (a lost response on a PATCH) is used up as "none".
            var kind = index < faults.Sequence.Count ? FaultNames.Parse(faults.Sequence[index]) ?? FaultKind.None : Draw(faults, route);
            return new FaultPlan(CanHappen(kind, route) ? kind : FaultKind.None, latency);
        }
    }

    /// <summary>
    /// Applies the delay and the faults that happen before the endpoint runs. Returns true when the fault has answered
    /// or dropped the request; Truncate, Stall and ResetAfterCommit are left to the caller, which knows when to act.
    /// </summary>
    public async Task<bool> InterceptAsync(HttpContext context, RequestRecord record, FaultPlan plan)
    {
        record.DelayMs = plan.LatencyMs;
        if (plan.LatencyMs > 0)
        {
            // Timers fire on the system's coarse tick, up to a few ms early by the stopwatch: the delay is a promise
            // (records and clients check it), so it is topped up.
            var waited = Stopwatch.StartNew();
            await Task.Delay(plan.LatencyMs, context.RequestAborted);
            while (waited.Elapsed.TotalMilliseconds < plan.LatencyMs)
            {
                await Task.Delay(1, context.RequestAborted);
            }
        }

        // A redirect's target is the same route under another host name; answering it again would loop.
        if (plan.Kind is FaultKind.None or FaultKind.Truncate or FaultKind.Stall or FaultKind.ResetAfterCommit
            || (plan.Kind == FaultKind.Redirect && context.Request.Query.ContainsKey(RedirectedMarker)))
        {
            return false;
        }

        record.Fault = FaultNames.WireName(plan.Kind);
        var faults = _config.Current.Faults;
        switch (plan.Kind)
        {
            case FaultKind.Hang:
                // Answers normally if the client is still there; a client that timed out cancels the rest.
                await Task.Delay(faults.HangMs, context.RequestAborted);
                return false;
            case FaultKind.Reset:
                RequestLog.Drop(context);
                return true;
            case FaultKind.Redirect or FaultKind.RedirectLoop:
                context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = plan.Kind == FaultKind.Redirect
                    ? FaultResponses.RedirectTarget(context.Request)
                    : FaultResponses.RedirectLoopTarget(context.Request);
                return true;
            case FaultKind.TooManyRequests:
                await ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                    RetryAfter.Headers(faults.RetryAfterMs, withMilliseconds: true));
                return true;
            case FaultKind.Error500:
                await ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal server error");
                return true;
            case FaultKind.Error401:
                // A token that expires mid-run: this request is refused, requests already in flight are not.
                await ApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "API token expired");
                return true;
            case FaultKind.Html200:
                await FaultResponses.WriteHtmlErrorPageAsync(context);
                return true;
            case FaultKind.BigBody:
                await FaultResponses.WriteBigBodyAsync(context, faults.BigBodyBytes, faults.BigBodyChunked);
                return true;
            default:
                await FaultResponses.WriteGatewayPageAsync(context, plan.Kind == FaultKind.Error502 ? 502 : 503);
                return true;
        }
    }

    /// <summary>One draw per request; kinds that cannot happen on the route take no share of it.</summary>
    private FaultKind Draw(FaultsConfig faults, ApiRoute route)
    {
        var draw = _random.NextDouble();
        var threshold = 0.0;
        foreach (var (kind, rate) in faults.Rates)
        {
            threshold += CanHappen(kind, route) ? rate : 0;
            if (draw < threshold)
            {
                return kind;
            }
        }

        return FaultKind.None;
    }
}
