using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of section_scores.csv: the score of one rubric section in one grade.</summary>
[ExportFile(ExportTable.SectionScores, "section_scores", ExportKind.Raw)]
public sealed class MqaSectionScore : MqaExportRow
{
    [ExportColumn("gradable_id")] public string? GradableId { get; set; }
    [ExportColumn("agent_id")] public string? AgentId { get; set; }
    [ExportColumn("agent_name")] public string? AgentName { get; set; }
    [ExportColumn("agent_email")] public string? AgentEmail { get; set; }
    [ExportColumn("rubric_id")] public string? RubricId { get; set; }
    [ExportColumn("rubric_name")] public string? RubricName { get; set; }
    [ExportColumn("section_id")] public string? SectionId { get; set; }
    [ExportColumn("section_name")] public string? SectionName { get; set; }
    [ExportColumn("section_score", IdentifiesTable = true)] public double? SectionScore { get; set; }
    [ExportColumn("max_section_score", IdentifiesTable = true)] public double? MaxSectionScore { get; set; }
    [ExportColumn("date_graded")] public DateTime? DateGraded { get; set; }
    [ExportColumn("grader")] public string? Grader { get; set; }
    [ExportColumn("grade_type")] public string? GradeType { get; set; }
    [ExportColumn("ticket_created_at")] public DateTime? TicketCreatedAt { get; set; }
    [ExportColumn("date_reported_as")] public DateTime? DateReportedAs { get; set; }
    [ExportColumn("source")] public string? Source { get; set; }
    [ExportColumn("section_weight")] public double? SectionWeight { get; set; }
    [ExportColumn("alignment_score")] public double? AlignmentScore { get; set; }
    [ExportColumn("target_answer_id")] public string? TargetAnswerId { get; set; }
    [ExportColumn("original_grader")] public string? OriginalGrader { get; set; }
}
