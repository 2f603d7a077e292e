using System;
using System.Text.Json.Serialization;
using MaestroQA.Client.Transport.Json;

namespace MaestroQA.Client.Models;

/// <summary>
/// A ticket: what New-MqaTicket sends and what the API echoes. Unset (null) fields are left out of the request,
/// which is also how an update says "leave as is".
/// </summary>
public sealed record MqaTicket
{
    /// <summary>MaestroQA's own id, set by the server.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; init; }

    [JsonPropertyName("gradable_id")]
    public string? GradableId { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    [JsonPropertyName("agents")]
    public string[]? Agents { get; init; }

    [JsonPropertyName("link")]
    public string? Link { get; init; }

    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>The API keeps tags as one comma-separated string; people work with a list.</summary>
    [JsonPropertyName("tags")]
    [JsonConverter(typeof(CommaSeparatedListConverter))]
    public string[]? Tags { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("csat_score")]
    public double? CsatScore { get; init; }

    [JsonPropertyName("first_seen")]
    [JsonConverter(typeof(ApiDateTimeConverter))]
    public DateTime? FirstSeen { get; init; }

    [JsonPropertyName("last_seen")]
    [JsonConverter(typeof(ApiDateTimeConverter))]
    public DateTime? LastSeen { get; init; }

    public override string ToString() => GradableId ?? Id ?? "(new ticket)";
}
