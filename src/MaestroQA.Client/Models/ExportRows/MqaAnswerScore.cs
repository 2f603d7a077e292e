using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of individual_answers.csv: the answer to one rubric question in one grade.</summary>
public sealed class MqaAnswerScore : MqaExportRow
{
    public string? GradableId { get; internal set; }

    public string? AgentId { get; internal set; }

    public string? AgentName { get; internal set; }

    public string? AgentEmail { get; internal set; }

    public string? RubricId { get; internal set; }

    public string? RubricName { get; internal set; }

    public string? QuestionId { get; internal set; }

    public string? Question { get; internal set; }

    public string? AnswerLabel { get; internal set; }

    public string? FeedbackAnswerLabel { get; internal set; }

    public double? QuestionScore { get; internal set; }

    public double? MaxQuestionScore { get; internal set; }

    public string? Comment { get; internal set; }

    public DateTime? DateGraded { get; internal set; }

    public string? Grader { get; internal set; }

    public string? GradeType { get; internal set; }

    public DateTime? TicketCreatedAt { get; internal set; }

    public string? SectionId { get; internal set; }

    public string? SectionName { get; internal set; }

    public DateTime? DateReportedAs { get; internal set; }

    public string? Source { get; internal set; }

    public double? AlignmentScore { get; internal set; }

    public string? TargetAnswerId { get; internal set; }

    public string? OriginalGrader { get; internal set; }
}
