using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer;

/// <summary>POST screen-capture-usage-stats: recording stats for the agents of the given groups.</summary>
internal sealed class CaptureUsageEndpoints(ConfigStore config)
{
    private static readonly Dictionary<string, (int Min, int Max)> ExpectedRecordingsPerInterval = new(StringComparer.Ordinal)
    {
        ["day"] = (2, 15),
        ["week"] = (10, 75),
        ["month"] = (40, 300),
    };

    public void Map(IEndpointRouteBuilder api, ApiPipeline pipeline) =>
        api.MapPost(ApiRoutes.ScreenCaptureUsageStats.Name, pipeline.Endpoint(ApiRoutes.ScreenCaptureUsageStats, Stats));

    /// <summary>Each agent once, in group then member order; unknown group ids add nobody.</summary>
    private IResult Stats(ApiRequest request)
    {
        var groupIds = request.Body.RequiredStringArray("groupIds");
        var interval = request.Body.RequiredEnum("interval", ExpectedRecordingsPerInterval.Keys);
        var agentIds = groupIds
            .SelectMany(groupId => SampleData.Groups.FirstOrDefault(group => group.Id == groupId)?.AgentIds ?? [])
            .Distinct(StringComparer.Ordinal);
        var stats = agentIds.Select(agentId => StatsFor(agentId, interval)).ToArray();
        return config.Current.Responses.CaptureUsageBody switch
        {
            CaptureUsageBody.EmptyObject => Results.Json(new { }),
            CaptureUsageBody.WithoutData => Results.Json(new { results = stats, interval, count = stats.Length }),
            _ => Results.Json(new { data = stats }),
        };
    }

    private object StatsFor(string agentId, string interval)
    {
        var random = new DeterministicRandom(StableHash.Seed(config.Current.Seed).Add(agentId).Add(interval).Value);
        var (min, max) = ExpectedRecordingsPerInterval[interval];
        var expected = random.Next(min, max + 1);
        var recorded = random.Next(1, expected + 1);
        return new
        {
            agentId,
            numberExpectedRecordings = expected,
            numberRecordings = recorded,
            percentRecorded = (double)recorded / expected * 100,
        };
    }
}
