namespace MaestroQA.Client.Models;

/// <summary>One agent's screen-capture usage for an interval.</summary>
public sealed record MqaCaptureUsage
{
    public string AgentId { get; init; } = string.Empty;

    public double NumberExpectedRecordings { get; init; }

    public double NumberRecordings { get; init; }

    public double PercentRecorded { get; init; }

    public CaptureInterval Interval { get; init; }
}
