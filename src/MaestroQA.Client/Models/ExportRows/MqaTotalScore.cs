using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of total_scores.csv: one grader's score of one ticket on one rubric.</summary>
public sealed class MqaTotalScore : MqaExportRow
{
    public string? GradableId { get; internal set; }

    public string? AgentId { get; internal set; }

    public string? AgentName { get; internal set; }

    public string? AgentEmail { get; internal set; }

    public string? RubricId { get; internal set; }

    public string? RubricName { get; internal set; }

    public double? RubricScore { get; internal set; }

    public double? MaxRubricScore { get; internal set; }

    public string? Comment { get; internal set; }

    public DateTime? DateGraded { get; internal set; }

    public string? Grader { get; internal set; }

    public string? GradeType { get; internal set; }

    public DateTime? TicketCreatedAt { get; internal set; }

    public DateTime? DateFirstStarted { get; internal set; }

    public DateTime? DateFirstGraded { get; internal set; }

    public DateTime? DateReportedAs { get; internal set; }

    public string? Source { get; internal set; }

    public double? TotalGradingTime { get; internal set; }

    public double? AlignmentScore { get; internal set; }

    public string? TargetAnswerId { get; internal set; }

    public string? OriginalGrader { get; internal set; }
}
