using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer;

/// <summary>
/// GET agents and GET agents/{id} (today's edition): the sample cast the generated exports use, with the groups the
/// agent-groups export puts them in; whether each is available is drawn from the seed.
/// </summary>
internal sealed class AgentEndpoints(ConfigStore config)
{
    private const string IdParameter = "id";

    public void Map(IEndpointRouteBuilder api, ApiPipeline pipeline)
    {
        api.MapGet(ApiRoutes.Agents.Name, pipeline.Endpoint(ApiRoutes.Agents, List));
        api.MapGet($"{ApiRoutes.Agents.Name}/{{{IdParameter}}}", pipeline.Endpoint(ApiRoutes.Agents, Get));
    }

    private IResult List(ApiRequest request) => Results.Json(SampleData.Agents.Select(Describe));

    private IResult Get(ApiRequest request)
    {
        var id = request.Context.GetRouteValue(IdParameter) as string ?? "";
        var agent = SampleData.Agents.FirstOrDefault(candidate => candidate.Id == id)
            ?? throw ApiException.NotFound($"Agent '{id}' not found");
        return Results.Json(Describe(agent));
    }

    private object Describe(SampleAgent agent) => new
    {
        _id = agent.Id,
        name = agent.Name,
        email = agent.Email,
        groupIds = SampleData.Groups.Where(group => group.AgentIds.Contains(agent.Id)).Select(group => group.Id),
        available = new DeterministicRandom(StableHash.Seed(config.Current.Seed).Add("available").Add(agent.Id).Value).Chance(0.8),
    };
}
