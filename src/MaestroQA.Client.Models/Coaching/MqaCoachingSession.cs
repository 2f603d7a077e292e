using System;

namespace MaestroQA.Client.Models;

/// <summary>One coaching session of the coaching export (vendor article 6011874). Dates are UTC.</summary>
public sealed class MqaCoachingSession : MqaApiObject
{
    /// <summary>MaestroQA's id of the session (the API's _id).</summary>
    public string? Id { get; init; }

    public string? CoachingFormName { get; init; }

    public string? CoachingTemplateId { get; init; }

    public string? CoachingTemplateName { get; init; }

    public string? MeetingFormat { get; init; }

    public string? FormCreatorId { get; init; }

    public string? FormCreatorName { get; init; }

    public string? CoachName { get; init; }

    public string? CoachId { get; init; }

    public string? AgentName { get; init; }

    public string? AgentId { get; init; }

    public DateTime? MeetingDate { get; init; }

    public DateTime? CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }

    public bool? SharedWithAgent { get; init; }

    public bool? AgentConfirmed { get; init; }

    public bool? CoachConfirmed { get; init; }

    public bool? IsDeleted { get; init; }

    public string? CoachNotes { get; init; }

    public string? AgentNotes { get; init; }

    public MqaCoachingPointList CoachingPoints { get; init; } = new([]);

    public MqaCoachingActivityList ActivityLog { get; init; } = new([]);

    /// <summary>The date the session is selected by on <paramref name="axis"/>.</summary>
    public DateTime? DateOn(CoachingTimeAxis axis) => axis == CoachingTimeAxis.CreatedAt ? CreatedAt : MeetingDate;

    public override string ToString() => Id ?? "(coaching session without an id)";
}
