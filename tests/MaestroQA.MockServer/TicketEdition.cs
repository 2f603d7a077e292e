using System.Text.Json;
using System.Text.Json.Nodes;

namespace MaestroQA.MockServer;

/// <summary>
/// How the configured API edition names, validates and shows tickets: the article keys them by gradable_id and
/// requires a link; today's edition keys them by ticket_id (gradable_id as its alias), makes link optional and adds
/// an attributes object. The server stores both alike, under gradable_id.
/// </summary>
internal sealed record TicketEdition(bool KeyedByTicketId, bool RequireTicketId)
{
    public const string GradableIdField = "gradable_id";
    public const string TicketIdField = "ticket_id";
    public const string AttributesField = "attributes";
    private const string LinkField = "link";

    public static TicketEdition Of(ApiConfig api) =>
        new(api.Profile == ApiProfile.Current, api.Profile == ApiProfile.Current && api.RequireTicketId);

    /// <summary>The id's name in this edition's paths, messages and answers.</summary>
    public string IdName => KeyedByTicketId ? TicketIdField : GradableIdField;

    /// <summary>The ticket a body names, without validating anything (for the request record).</summary>
    public string? PeekId(RequestBody body) =>
        (KeyedByTicketId ? body.Peek(TicketIdField) : null) ?? body.Peek(GradableIdField);

    public string IdOf(BodyFields body)
    {
        if (!KeyedByTicketId)
        {
            return body.RequiredString(GradableIdField);
        }

        var ticketId = body.OptionalString(TicketIdField, allowEmpty: false);
        var gradableId = body.OptionalString(GradableIdField, allowEmpty: false);
        if (ticketId is not null && gradableId is not null && ticketId != gradableId)
        {
            throw ApiException.InvalidParameter(
                $"Invalid parameters: '{TicketIdField}' ('{ticketId}') and '{GradableIdField}' ('{gradableId}') name different tickets");
        }

        return ticketId ?? (RequireTicketId ? null : gradableId) ?? throw BodyFields.Missing(TicketIdField);
    }

    /// <summary>The 2025 uploader sends no link, and its tickets are created.</summary>
    public string? LinkOf(BodyFields body) =>
        KeyedByTicketId ? body.OptionalString(LinkField, allowEmpty: false) : body.RequiredString(LinkField);

    /// <summary>The article's server ignores attributes, as any field it does not know.</summary>
    public JsonElement? AttributesOf(BodyFields body) => KeyedByTicketId ? body.OptionalObject(AttributesField) : null;

    /// <summary>The ticket as the API answers it: without the server's own "synced" mark, and today with ticket_id for gradable_id.</summary>
    public JsonObject ToJson(Ticket ticket)
    {
        var stored = JsonSerializer.SerializeToNode(ticket)!.AsObject();
        stored.Remove("synced");
        return KeyedByTicketId
            ? new JsonObject(stored.Select(field =>
                KeyValuePair.Create(field.Key == GradableIdField ? TicketIdField : field.Key, field.Value?.DeepClone())))
            : stored;
    }
}
