using System;

namespace MaestroQA.Client.Models;

/// <summary>One entry of a coaching session's activity log.</summary>
public sealed class MqaCoachingActivity : MqaApiObject
{
    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? ActionType { get; init; }

    public TextList Descriptions { get; init; } = new([]);

    /// <summary>UTC.</summary>
    public DateTime? Timestamp { get; init; }

    public string? IpAddress { get; init; }

    /// <summary>"2024-01-31 08:00:00Z shared by coach@example.com": what Format-List shows of a session's log.</summary>
    public override string ToString() => $"{Timestamp:u} {ActionType} by {UserEmail}";
}
