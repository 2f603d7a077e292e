using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of annotations.csv: a grader's note on a passage of the ticket.</summary>
[ExportFile(ExportTable.Annotations, "annotations", ExportKind.Raw)]
public sealed class MqaAnnotation : MqaExportRow
{
    [ExportColumn("gradable_id")] public string? GradableId { get; set; }
    [ExportColumn("agent_id")] public string? AgentId { get; set; }
    [ExportColumn("agent_name")] public string? AgentName { get; set; }
    [ExportColumn("agent_email")] public string? AgentEmail { get; set; }
    [ExportColumn("rubric_id")] public string? RubricId { get; set; }
    [ExportColumn("rubric_name")] public string? RubricName { get; set; }
    [ExportColumn("question_id")] public string? QuestionId { get; set; }
    [ExportColumn("question")] public string? Question { get; set; }
    [ExportColumn("annotation_id", IdentifiesTable = true)] public string? AnnotationId { get; set; }
    [ExportColumn("selected_text", IdentifiesTable = true)] public string? SelectedText { get; set; }
    [ExportColumn("comment")] public string? Comment { get; set; }
    [ExportColumn("date_graded")] public DateTime? DateGraded { get; set; }
    [ExportColumn("grader")] public string? Grader { get; set; }
    [ExportColumn("grade_type")] public string? GradeType { get; set; }
    [ExportColumn("ticket_created_at")] public DateTime? TicketCreatedAt { get; set; }
    [ExportColumn("section_id")] public string? SectionId { get; set; }
    [ExportColumn("section_name")] public string? SectionName { get; set; }
    [ExportColumn("date_reported_as")] public DateTime? DateReportedAs { get; set; }
    [ExportColumn("source")] public string? Source { get; set; }
}
