using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of total_scores.csv: one grader's score of one ticket on one rubric.</summary>
[ExportFile(ExportTable.TotalScores, "total_scores", ExportKind.Raw)]
public sealed class MqaTotalScore : MqaExportRow
{
    [ExportColumn("gradable_id")] public string? GradableId { get; set; }
    [ExportColumn("agent_id")] public string? AgentId { get; set; }
    [ExportColumn("agent_name")] public string? AgentName { get; set; }
    [ExportColumn("agent_email")] public string? AgentEmail { get; set; }
    [ExportColumn("rubric_id")] public string? RubricId { get; set; }
    [ExportColumn("rubric_name")] public string? RubricName { get; set; }
    [ExportColumn("rubric_score", IdentifiesTable = true)] public double? RubricScore { get; set; }
    [ExportColumn("max_rubric_score", IdentifiesTable = true)] public double? MaxRubricScore { get; set; }
    [ExportColumn("comment")] public string? Comment { get; set; }
    [ExportColumn("date_graded")] public DateTime? DateGraded { get; set; }
    [ExportColumn("grader")] public string? Grader { get; set; }
    [ExportColumn("grade_type")] public string? GradeType { get; set; }
    [ExportColumn("ticket_created_at")] public DateTime? TicketCreatedAt { get; set; }
    [ExportColumn("date_first_started")] public DateTime? DateFirstStarted { get; set; }
    [ExportColumn("date_first_graded")] public DateTime? DateFirstGraded { get; set; }
    [ExportColumn("date_reported_as")] public DateTime? DateReportedAs { get; set; }
    [ExportColumn("source")] public string? Source { get; set; }
    [ExportColumn("total_grading_time")] public double? TotalGradingTime { get; set; }
    [ExportColumn("alignment_score")] public double? AlignmentScore { get; set; }
    [ExportColumn("target_answer_id")] public string? TargetAnswerId { get; set; }
    [ExportColumn("original_grader")] public string? OriginalGrader { get; set; }
}
