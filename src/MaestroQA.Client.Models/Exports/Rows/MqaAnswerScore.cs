using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of individual_answers.csv: the answer to one rubric question in one grade.</summary>
[ExportFile(ExportTable.IndividualAnswers, "individual_answers", ExportKind.Raw)]
public sealed class MqaAnswerScore : MqaExportRow
{
    [ExportColumn("gradable_id")] public string? GradableId { get; set; }
    [ExportColumn("agent_id")] public string? AgentId { get; set; }
    [ExportColumn("agent_name")] public string? AgentName { get; set; }
    [ExportColumn("agent_email")] public string? AgentEmail { get; set; }
    [ExportColumn("rubric_id")] public string? RubricId { get; set; }
    [ExportColumn("rubric_name")] public string? RubricName { get; set; }
    [ExportColumn("question_id")] public string? QuestionId { get; set; }
    [ExportColumn("question")] public string? Question { get; set; }
    [ExportColumn("answer_label", IdentifiesTable = true)] public string? AnswerLabel { get; set; }
    [ExportColumn("feedback_answer_label")] public string? FeedbackAnswerLabel { get; set; }
    [ExportColumn("question_score", IdentifiesTable = true)] public double? QuestionScore { get; set; }
    [ExportColumn("max_question_score")] public double? MaxQuestionScore { get; set; }
    [ExportColumn("comment")] public string? Comment { get; set; }
    [ExportColumn("date_graded")] public DateTime? DateGraded { get; set; }
    [ExportColumn("grader")] public string? Grader { get; set; }
    [ExportColumn("grade_type")] public string? GradeType { get; set; }
    [ExportColumn("ticket_created_at")] public DateTime? TicketCreatedAt { get; set; }
    [ExportColumn("section_id")] public string? SectionId { get; set; }
    [ExportColumn("section_name")] public string? SectionName { get; set; }
    [ExportColumn("date_reported_as")] public DateTime? DateReportedAs { get; set; }
    [ExportColumn("source")] public string? Source { get; set; }
    [ExportColumn("alignment_score")] public double? AlignmentScore { get; set; }
    [ExportColumn("target_answer_id")] public string? TargetAnswerId { get; set; }
    [ExportColumn("original_grader")] public string? OriginalGrader { get; set; }
}
