using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace MaestroQA.MockServer;

/// <summary>
/// POST tickets, PATCH tickets/{id}, DELETE tickets/{id}; in today's edition also GET tickets/{id} and
/// GET tickets?ticket_ids=a,b. The id is gradable_id in the article, ticket_id today (<see cref="TicketEdition"/>).
/// </summary>
internal sealed class TicketEndpoints(TicketStore tickets, ConfigStore config, ServerClock clock)
{
    private const string IdsParameter = "ticket_ids";

    public void Map(IEndpointRouteBuilder api, ApiPipeline pipeline)
    {
        var route = ApiRoutes.CreateTicket.Name;
        var one = $"{route}/{{id}}";
        api.MapPost(route, pipeline.Endpoint(ApiRoutes.CreateTicket, Create));
        api.MapGet(route, pipeline.Endpoint(ApiRoutes.ReadTicket, List));
        api.MapGet(one, pipeline.Endpoint(ApiRoutes.ReadTicket, Get, NameTicket));
        api.MapPatch(one, pipeline.Endpoint(ApiRoutes.ChangeTicket, Update, NameTicket));
        api.MapDelete(one, pipeline.Endpoint(ApiRoutes.ChangeTicket, Delete, NameTicket));
    }

    private TicketEdition Edition => TicketEdition.Of(config.Current.Api);

    /// <summary>The ticket in the path, taken from the raw target: routing leaves %2F encoded, and helpdesk ids may hold a slash.</summary>
    private static string IdOf(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var path = target.Split('?', 2)[0];
        var segment = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return segment.Length > 0 ? segment : context.GetRouteValue("id") as string ?? "";
    }

    /// <summary>The ticket is stored whatever responses.ticketCreateBody says; only the answer's shape changes.</summary>
    private IResult Create(ApiRequest request)
    {
        var edition = Edition;
        var ticket = edition.ToJson(tickets.Add(Ticket.FromBody(request.Body, clock.UtcNow, edition)));
        return config.Current.Responses.TicketCreateBody switch
        {
            TicketCreateBody.WithoutId => Created(WithoutId(ticket)),
            TicketCreateBody.EmptyObject => Created(new JsonObject()),
            TicketCreateBody.Array => Created(new JsonArray(ticket)),
            _ => Created(ticket),
        };
    }

    private static IResult Created(JsonNode body) => Results.Json(body, statusCode: StatusCodes.Status201Created);

    private static JsonObject WithoutId(JsonObject ticket)
    {
        ticket.Remove("_id");
        return ticket;
    }

    private IResult Get(ApiRequest request) => Results.Json(Edition.ToJson(tickets.Get(IdOf(request.Context))));

    /// <summary>The known tickets among the comma-separated ids, in the order asked; unknown ids are left out.</summary>
    private IResult List(ApiRequest request)
    {
        var ids = request.Context.Request.Query[IdsParameter].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            throw BodyFields.Missing(IdsParameter);
        }

        var edition = Edition;
        return Results.Json(new JsonArray([.. tickets.Known(ids).Select(edition.ToJson)]));
    }

    private IResult Update(ApiRequest request)
    {
        var edition = Edition;
        return Results.Json(edition.ToJson(tickets.Update(IdOf(request.Context), ticket =>
        {
            RefuseSynced(ticket, "updated");
            return ticket.Patched(request.Body, edition);
        })));
    }

    /// <summary>The article: "successful delete requests will receive a 200 OK response", with no body.</summary>
    private IResult Delete(ApiRequest request)
    {
        tickets.Delete(IdOf(request.Context), ticket => RefuseSynced(ticket, "deleted"));
        return Results.Ok();
    }

    /// <summary>
    /// The article says synced tickets "cannot be manually updated/deleted" but not with which status; 400 is chosen:
    /// the request is at fault, not the caller's rights (403) nor the ticket's existence (404).
    /// </summary>
    private static void RefuseSynced(Ticket ticket, string change)
    {
        if (ticket.Synced)
        {
            throw ApiException.BadRequest($"Tickets synced from helpdesk integrations cannot be manually {change}");
        }
    }

    /// <summary>Names the ticket in the request record before the pipeline can refuse the request.</summary>
    private static void NameTicket(HttpContext context, RequestRecord record) => record.GradableId = IdOf(context);
}
