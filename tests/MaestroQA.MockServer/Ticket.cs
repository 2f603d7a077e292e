using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MaestroQA.MockServer;

/// <summary>
/// A ticket as the server stores it and /admin shows it (the API's shape per edition is <see cref="TicketEdition.ToJson"/>);
/// optional fields never set are left out, as the article's examples show.
/// </summary>
internal sealed record Ticket
{
    /// <summary>Assigned by <see cref="TicketStore.Add"/>, once the ticket is known to be new.</summary>
    [JsonPropertyName("_id")]
    public string MaestroId { get; init; } = "";

    [JsonPropertyName("gradable_id")]
    public required string GradableId { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    /// <summary>Required by the article, optional today.</summary>
    [JsonPropertyName("link")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Link { get; init; }

    [JsonPropertyName("body")]
    public required string Body { get; init; }

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; init; }

    [JsonPropertyName("agents")]
    public required IReadOnlyList<string> Agents { get; init; }

    [JsonPropertyName("tags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tags { get; init; }

    [JsonPropertyName("csat_score")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CsatScore { get; init; }

    /// <summary>Normalised to ISO with milliseconds, as the article's examples show them.</summary>
    [JsonPropertyName("first_seen")]
    public required string FirstSeen { get; init; }

    [JsonPropertyName("last_seen")]
    public required string LastSeen { get; init; }

    /// <summary>Today's custom fields, exactly as given (the article's server ignores them).</summary>
    [JsonPropertyName(TicketEdition.AttributesField)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Attributes { get; init; }

    /// <summary>Came from a helpdesk integration (seeded through /admin only), so the API may not change it.</summary>
    [JsonPropertyName("synced")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Synced { get; init; }

    public static Ticket FromBody(BodyFields body, DateTime now, TicketEdition edition) => new()
    {
        GradableId = edition.IdOf(body),
        Type = body.RequiredString("type"),
        Subject = body.RequiredString("subject"),
        Agents = body.RequiredStringArray("agents"),
        Link = edition.LinkOf(body),
        Body = body.RequiredString("body"),
        Tags = body.OptionalString("tags"),
        Status = body.OptionalString("status"),
        CsatScore = body.OptionalNumber("csat_score"),
        FirstSeen = DateFormats.Iso(body.OptionalDate("first_seen") ?? now),
        LastSeen = DateFormats.Iso(body.OptionalDate("last_seen") ?? now),
        Attributes = edition.AttributesOf(body),
    };

    /// <summary>
    /// A PATCH: each field given replaces the stored one, validated as on create; the id cannot change. Attributes are
    /// merged key by key, a key set to null removed.
    /// </summary>
    public Ticket Patched(BodyFields body, TicketEdition edition) => this with
    {
        Type = body.OptionalString("type", allowEmpty: false) ?? Type,
        Subject = body.OptionalString("subject", allowEmpty: false) ?? Subject,
        Agents = body.OptionalStringArray("agents") ?? Agents,
        Link = body.OptionalString("link", allowEmpty: false) ?? Link,
        Body = body.OptionalString("body", allowEmpty: false) ?? Body,
        Tags = body.OptionalString("tags") ?? Tags,
        Status = body.OptionalString("status") ?? Status,
        CsatScore = body.OptionalNumber("csat_score") ?? CsatScore,
        FirstSeen = DateFormats.Iso(body.OptionalDate("first_seen")) ?? FirstSeen,
        LastSeen = DateFormats.Iso(body.OptionalDate("last_seen")) ?? LastSeen,
        Attributes = Merged(Attributes, edition.AttributesOf(body)),
    };

    private static JsonElement? Merged(JsonElement? stored, JsonElement? changes)
    {
        if (changes is not { } patch)
        {
            return stored;
        }

        var merged = stored is { } kept ? JsonObject.Create(kept)! : [];
        foreach (var change in patch.EnumerateObject())
        {
            if (change.Value.ValueKind == JsonValueKind.Null)
            {
                merged.Remove(change.Name);
            }
            else
            {
                merged[change.Name] = JsonSerializer.SerializeToNode(change.Value);
            }
        }

        return JsonSerializer.SerializeToElement(merged);
    }
}
