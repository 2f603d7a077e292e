using System.Collections.Generic;
using System.Text.Json.Serialization;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Wire;

internal sealed class CaptureUsageRequestBody
{
    [JsonPropertyName("groupIds")] public IReadOnlyList<string> GroupIds { get; set; } = [];

    [JsonPropertyName("interval")] public string Interval { get; set; } = string.Empty;
}

internal sealed class CaptureUsageResponseBody
{
    [JsonPropertyName("data")] public List<CaptureUsageItem>? Data { get; set; }
}

internal sealed class CaptureUsageItem
{
    [JsonPropertyName("agentId")] public string? AgentId { get; set; }

    [JsonPropertyName("numberExpectedRecordings")] public double NumberExpectedRecordings { get; set; }

    [JsonPropertyName("numberRecordings")] public double NumberRecordings { get; set; }

    [JsonPropertyName("percentRecorded")] public double PercentRecorded { get; set; }

    public MqaCaptureUsage ToModel(CaptureInterval interval) => new()
    {
        AgentId = AgentId ?? string.Empty,
        NumberExpectedRecordings = NumberExpectedRecordings,
        NumberRecordings = NumberRecordings,
        PercentRecorded = PercentRecorded,
        Interval = interval,
    };
}
