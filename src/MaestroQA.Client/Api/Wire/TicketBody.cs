using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Wire;

/// <summary>A ticket as the API spells it, both ways: what POST and PATCH send, and what they answer.</summary>
internal sealed class TicketBody
{
    [JsonPropertyName("_id")] public string? Id { get; set; }

    /// <summary>The seed article's name for the ticket's id.</summary>
    [JsonPropertyName("gradable_id")] public string? GradableId { get; set; }

    /// <summary>Today's edition's name for it.</summary>
    [JsonPropertyName("ticket_id")] public string? TicketId { get; set; }

    [JsonPropertyName("type")] public string? Type { get; set; }

    [JsonPropertyName("subject")] public string? Subject { get; set; }

    [JsonPropertyName("agents")] public string[]? Agents { get; set; }

    [JsonPropertyName("link")] public string? Link { get; set; }

    [JsonPropertyName("body")] public string? Body { get; set; }

    [JsonPropertyName("tags")]
    [JsonConverter(typeof(CommaSeparatedListConverter))]
    public string[]? Tags { get; set; }

    [JsonPropertyName("status")] public string? Status { get; set; }

    [JsonPropertyName("csat_score")] public double? CsatScore { get; set; }

    [JsonPropertyName("first_seen")]
    [JsonConverter(typeof(ApiDateTimeConverter))]
    public DateTime? FirstSeen { get; set; }

    [JsonPropertyName("last_seen")]
    [JsonConverter(typeof(ApiDateTimeConverter))]
    public DateTime? LastSeen { get; set; }

    [JsonPropertyName("attributes")] public JsonObject? Attributes { get; set; }

    /// <summary>The fields to send; the server sets _id, and an update names the ticket in its path instead (<paramref name="idField"/> null).</summary>
    public static TicketBody ToSend(MqaTicket ticket, TicketIdField? idField) => new()
    {
        GradableId = idField == TicketIdField.GradableId ? ticket.GradableId : null,
        TicketId = idField == TicketIdField.TicketId ? ticket.GradableId : null,
        Type = ticket.Type,
        Subject = ticket.Subject,
        Agents = ticket.Agents?.ToArray(),
        Link = ticket.Link,
        Body = ticket.Body,
        Tags = ticket.Tags?.ToArray(),
        Status = ticket.Status,
        CsatScore = ticket.CsatScore,
        FirstSeen = ticket.FirstSeen,
        LastSeen = ticket.LastSeen,
        Attributes = ticket.Attributes is null ? null : AttributesJson.ToJson(ticket.Attributes),
    };

    public MqaTicket ToModel() => new()
    {
        Id = Id,
        GradableId = GradableId ?? TicketId,
        Type = Type,
        Subject = Subject,
        Agents = Agents is null ? null : new TextList(Agents),
        Link = Link,
        Body = Body,
        Tags = Tags is null ? null : new TextList(Tags),
        Status = Status,
        CsatScore = CsatScore,
        FirstSeen = FirstSeen,
        LastSeen = LastSeen,
        Attributes = Attributes is null ? null : AttributesJson.FromJson(Attributes),
    };
}
