using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of annotations.csv: a grader's note on a passage of the ticket.</summary>
public sealed class MqaAnnotation : MqaExportRow
{
    public string? GradableId { get; internal set; }

    public string? AgentId { get; internal set; }

    public string? AgentName { get; internal set; }

    public string? AgentEmail { get; internal set; }

    public string? RubricId { get; internal set; }

    public string? RubricName { get; internal set; }

    public string? QuestionId { get; internal set; }

    public string? Question { get; internal set; }

    public string? AnnotationId { get; internal set; }

    public string? SelectedText { get; internal set; }

    public string? Comment { get; internal set; }

    public DateTime? DateGraded { get; internal set; }

    public string? Grader { get; internal set; }

    public string? GradeType { get; internal set; }

    public DateTime? TicketCreatedAt { get; internal set; }

    public string? SectionId { get; internal set; }

    public string? SectionName { get; internal set; }

    public DateTime? DateReportedAs { get; internal set; }

    public string? Source { get; internal set; }
}
