using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Wire;

/// <summary>One of a coaching session's coachingPoints.</summary>
internal sealed class CoachingPointItem
{
    [JsonPropertyName("_id")] public string? Id { get; set; }

    [JsonPropertyName("coachingFormIds")] public List<string?>? CoachingFormIds { get; set; }

    [JsonPropertyName("type")] public string? Type { get; set; }

    [JsonPropertyName("classification")] public string? Classification { get; set; }

    [JsonPropertyName("ticketId")] [JsonConverter(typeof(LenientTextConverter))] public string? TicketId { get; set; }

    [JsonPropertyName("subject")] public string? Subject { get; set; }

    [JsonPropertyName("rubricName")] public string? RubricName { get; set; }

    [JsonPropertyName("criteriaName")] public string? CriteriaName { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Additional { get; set; }

    public MqaCoachingPoint ToModel() => new()
    {
        Id = Id,
        CoachingFormIds = new TextList((CoachingFormIds ?? []).OfType<string>()),
        Type = Type,
        Classification = Classification,
        TicketId = TicketId,
        Subject = Subject,
        RubricName = RubricName,
        CriteriaName = CriteriaName,
        AdditionalFields = AdditionalFieldsJson.Read(Additional),
    };
}
