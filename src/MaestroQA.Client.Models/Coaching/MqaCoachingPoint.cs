namespace MaestroQA.Client.Models;

/// <summary>A strength or opportunity noted in a coaching session.</summary>
public sealed class MqaCoachingPoint : MqaApiObject
{
    /// <summary>MaestroQA's id of the point (the API's _id).</summary>
    public string? Id { get; init; }

    /// <summary>The coaching sessions (forms) the point belongs to.</summary>
    public TextList CoachingFormIds { get; init; } = new([]);

    /// <summary>strength, opportunity or n/a, as MaestroQA spells it.</summary>
    public string? Type { get; init; }

    /// <summary>general, qa, csat or productivity, as MaestroQA spells it.</summary>
    public string? Classification { get; init; }

    public string? TicketId { get; init; }

    public string? Subject { get; init; }

    public string? RubricName { get; init; }

    public string? CriteriaName { get; init; }

    /// <summary>"opportunity/qa: Refund request": what Format-List shows of a session's points.</summary>
    public override string ToString() => $"{Type}/{Classification}: {Subject}";
}
