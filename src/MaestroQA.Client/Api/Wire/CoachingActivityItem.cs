using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Wire;

/// <summary>One entry of a coaching session's activityLog.</summary>
internal sealed class CoachingActivityItem
{
    [JsonPropertyName("userId")] public string? UserId { get; set; }

    [JsonPropertyName("userEmail")] public string? UserEmail { get; set; }

    [JsonPropertyName("actionType")] public string? ActionType { get; set; }

    [JsonPropertyName("descriptions")] public List<string?>? Descriptions { get; set; }

    [JsonPropertyName("timestamp")] [JsonConverter(typeof(LenientTextConverter))] public string? Timestamp { get; set; }

    [JsonPropertyName("ipAddress")] public string? IpAddress { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Additional { get; set; }

    public MqaCoachingActivity ToModel() => new()
    {
        UserId = UserId,
        UserEmail = UserEmail,
        ActionType = ActionType,
        Descriptions = new TextList((Descriptions ?? []).OfType<string>()),
        Timestamp = ApiDateFormat.ParseUtc(Timestamp),
        IpAddress = IpAddress,
        AdditionalFields = AdditionalFieldsJson.Read(Additional),
    };
}
