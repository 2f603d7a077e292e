namespace MaestroQA.MockServer.Coaching;

/// <summary>
/// POST coaching-sessions, the coaching export of vendor article 6011874 (on the old host, in both profiles): the
/// sessions of a range of at most 90 days, on the meetingDate or createdAt axis, as one JSON array.
/// </summary>
internal sealed class CoachingEndpoints(ConfigStore config)
{
    public const int MaxRangeDays = 90;

    public void Map(IEndpointRouteBuilder api, ApiPipeline pipeline) =>
        api.MapPost(ApiRoutes.CoachingSessions.Name, pipeline.Endpoint(ApiRoutes.CoachingSessions, Export));

    /// <summary>The sessions without the API's 90-day rule: what GET /admin/coaching-sessions answers.</summary>
    public IResult Sessions(CoachingQuery query)
    {
        var settings = config.Current;
        return Results.Json(CoachingSessions.Select(query, settings.Seed, settings.CoachingSessionsPerDay, settings.Responses.CoachingExtraField));
    }

    private IResult Export(ApiRequest request)
    {
        var body = request.Body;
        var query = CoachingQuery.Parse(
            body.OptionalString(CoachingQuery.StartField),
            body.OptionalString(CoachingQuery.EndField),
            body.OptionalString(CoachingQuery.AxisField));
        var days = query.End.DayNumber - query.Start.DayNumber;
        return days is >= 0 and <= MaxRangeDays
            ? Sessions(query)
            : throw ApiException.InvalidParameter(
                $"Invalid parameters: the range may span at most {MaxRangeDays} days: '{CoachingQuery.EndField}' must be on or " +
                $"after '{CoachingQuery.StartField}' and at most {MaxRangeDays} days after it");
    }
}
