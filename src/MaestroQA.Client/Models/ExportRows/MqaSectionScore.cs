using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of section_scores.csv: the score of one rubric section in one grade.</summary>
public sealed class MqaSectionScore : MqaExportRow
{
    public string? GradableId { get; internal set; }

    public string? AgentId { get; internal set; }

    public string? AgentName { get; internal set; }

    public string? AgentEmail { get; internal set; }

    public string? RubricId { get; internal set; }

    public string? RubricName { get; internal set; }

    public string? SectionId { get; internal set; }

    public string? SectionName { get; internal set; }

    public double? SectionScore { get; internal set; }

    public double? MaxSectionScore { get; internal set; }

    public DateTime? DateGraded { get; internal set; }

    public string? Grader { get; internal set; }

    public string? GradeType { get; internal set; }

    public DateTime? TicketCreatedAt { get; internal set; }

    public DateTime? DateReportedAs { get; internal set; }

    public string? Source { get; internal set; }

    public double? SectionWeight { get; internal set; }

    public double? AlignmentScore { get; internal set; }

    public string? TargetAnswerId { get; internal set; }

    public string? OriginalGrader { get; internal set; }
}
