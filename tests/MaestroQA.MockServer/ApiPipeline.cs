using MaestroQA.MockServer.Coaching;

namespace MaestroQA.MockServer;

/// <summary>What an endpoint handler gets: the validated caller's request.</summary>
internal sealed record ApiRequest(HttpContext Context, BodyFields Body, RequestRecord Record);

/// <summary>
/// The steps every /api/v1 request goes through, in order: answer as an unknown route if api.profile does not serve it,
/// read the body, authenticate, inject faults, apply the rate limit, then the endpoint. Faults come before the limiter: they model the infrastructure in front of the API,
/// so a faulted request neither changes state nor uses the token's budget.
/// </summary>
internal sealed class ApiPipeline(ConfigStore config, RateLimiter limiter, FaultInjector faults, ServerClock clock)
{
    /// <param name="identify">Names what the request is about from its path (a ticket, an export), before anything can refuse it.</param>
    public RequestDelegate Endpoint(ApiRoute route, Func<ApiRequest, IResult> handler, Action<HttpContext, RequestRecord>? identify = null) =>
        context => HandleAsync(context, route, handler, identify);

    private async Task HandleAsync(
        HttpContext context, ApiRoute route, Func<ApiRequest, IResult> handler, Action<HttpContext, RequestRecord>? identify)
    {
        // Before anything is read or recorded, so the request looks exactly as one the fallback answers.
        if (!config.Current.Api.Serves(route.Edition))
        {
            throw ApiRoutes.NoRoute(context);
        }

        var record = RequestLog.Of(context);
        record.Route = route.Name;
        record.EndpointClass = route.Class.WireName();
        identify?.Invoke(context, record);

        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        // Name what the request is about before anything can refuse it, so refused requests are attributable too.
        record.ExportId ??= ExportEndpoints.ExportIdOf(context.Request, body.Peek(ExportEndpoints.ExportIdParameter));
        record.GradableId ??= TicketEdition.Of(config.Current.Api).PeekId(body);
        record.StartDate = body.Peek(CoachingQuery.StartField);
        record.EndDate = body.Peek(CoachingQuery.EndField);
        record.TimeAxis = body.Peek(CoachingQuery.AxisField);
        var credential = Auth.Resolve(context.Request, body, route.AcceptsBodyToken);
        record.SetCredential(credential);
        var settings = config.Current;
        var token = Auth.Demand(credential, settings);

        var plan = faults.Decide(context, route);
        if (await faults.InterceptAsync(context, record, plan))
        {
            return;
        }

        var decision = limiter.Decide(token, route.Class, settings.Limits);
        record.Stamp(clock, decision.StampMs);
        if (!decision.Admitted)
        {
            var (perSecond, perMinute) = settings.Limits.For(route.Class);
            throw new ApiException(StatusCodes.Status429TooManyRequests,
                $"Rate limit exceeded: {route.Class.WireName()} endpoints allow {perSecond} request(s) per second " +
                $"and {perMinute} per minute for each API token",
                RetryAfter.Headers(settings.Limits.RetryAfterMs ?? decision.RetryAfterMs, withMilliseconds: settings.Limits.WindowScale != 1.0));
        }

        var result = Run(() => handler(new ApiRequest(context, body.Fields, record)), settings.Responses);
        if (plan.Kind == FaultKind.ResetAfterCommit)
        {
            record.Fault = FaultNames.WireName(plan.Kind);
            RequestLog.Drop(context);
            return;
        }

        await result.ExecuteAsync(context);
    }

    /// <summary>Runs the endpoint; invalid parameters get the status the config asks for (400, or the 422 recent clients saw).</summary>
    private static IResult Run(Func<IResult> endpoint, ResponsesConfig responses)
    {
        try
        {
            return endpoint();
        }
        catch (ApiException error) when (error.IsInvalidParameter && error.StatusCode != responses.InvalidParameterStatus)
        {
            throw error.WithStatus(responses.InvalidParameterStatus);
        }
    }
}
