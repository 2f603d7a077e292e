using System.Text.Json.Serialization;

namespace MaestroQA.Client.Models;

/// <summary>One agent's screen-capture usage for an interval.</summary>
public sealed record MqaCaptureUsage
{
    [JsonPropertyName("agentId")]
    public string AgentId { get; init; } = string.Empty;

    [JsonPropertyName("numberExpectedRecordings")]
    public double NumberExpectedRecordings { get; init; }

    [JsonPropertyName("numberRecordings")]
    public double NumberRecordings { get; init; }

    [JsonPropertyName("percentRecorded")]
    public double PercentRecorded { get; init; }

    [JsonIgnore]
    public CaptureInterval Interval { get; init; }
}
