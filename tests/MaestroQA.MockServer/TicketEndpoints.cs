using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace MaestroQA.MockServer;

/// <summary>POST tickets, PATCH tickets/{gradable_id}, DELETE tickets/{gradable_id}.</summary>
internal sealed class TicketEndpoints(TicketStore tickets, ConfigStore config, ServerClock clock)
{
    public void Map(IEndpointRouteBuilder api, ApiPipeline pipeline)
    {
        var route = ApiRoutes.CreateTicket.Name;
        api.MapPost(route, pipeline.Endpoint(ApiRoutes.CreateTicket, Create));
        api.MapPatch($"{route}/{{gradable_id}}", NamingTicket(pipeline.Endpoint(ApiRoutes.ChangeTicket, Update)));
        api.MapDelete($"{route}/{{gradable_id}}", NamingTicket(pipeline.Endpoint(ApiRoutes.ChangeTicket, Delete)));
    }

    /// <summary>The ticket in the path, taken from the raw target: routing leaves %2F encoded, and helpdesk ids may hold a slash.</summary>
    private static string GradableIdOf(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var path = target.Split('?', 2)[0];
        var segment = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return segment.Length > 0 ? segment : context.GetRouteValue("gradable_id") as string ?? "";
    }

    /// <summary>The ticket is stored whatever responses.ticketCreateBody says; only the answer's shape changes.</summary>
    private IResult Create(ApiRequest request)
    {
        var ticket = tickets.Add(Ticket.FromBody(request.Body, clock.UtcNow));
        return config.Current.Responses.TicketCreateBody switch
        {
            TicketCreateBody.WithoutId => Created(WithoutId(ticket)),
            TicketCreateBody.EmptyObject => Created(new JsonObject()),
            TicketCreateBody.Array => Created(new[] { ticket }),
            _ => Created(ticket),
        };
    }

    private static IResult Created(object body) => Results.Json(body, statusCode: StatusCodes.Status201Created);

    private static JsonObject WithoutId(Ticket ticket)
    {
        var json = JsonSerializer.SerializeToNode(ticket)!.AsObject();
        json.Remove("_id");
        return json;
    }

    private IResult Update(ApiRequest request) => Results.Json(tickets.Update(GradableIdOf(request.Context), ticket =>
    {
        RefuseSynced(ticket, "updated");
        return ticket.Patched(request.Body);
    }));

    /// <summary>The article: "successful delete requests will receive a 200 OK response", with no body.</summary>
    private IResult Delete(ApiRequest request)
    {
        tickets.Delete(GradableIdOf(request.Context), ticket => RefuseSynced(ticket, "deleted"));
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
    private static RequestDelegate NamingTicket(RequestDelegate endpoint) => context =>
    {
        RequestLog.Of(context).GradableId = GradableIdOf(context);
        return endpoint(context);
    };
}
