using System;
using System.Collections.Generic;
using System.Linq;
using MaestroQA.Client.Models;
using static MaestroQA.Client.Exports.ExportColumns;

namespace MaestroQA.Client.Exports;

/// <summary>Which columns each export table carries and which row property each one fills.</summary>
internal static class ExportTableSchemas
{
    private static readonly ExportTableSchema<MqaTotalScore> TotalScores = new(ExportTable.TotalScores, "total_scores", new()
    {
        { GradableId, (row, value) => row.GradableId = value },
        { AgentId, (row, value) => row.AgentId = value },
        { AgentName, (row, value) => row.AgentName = value },
        { AgentEmail, (row, value) => row.AgentEmail = value },
        { RubricId, (row, value) => row.RubricId = value },
        { RubricName, (row, value) => row.RubricName = value },
        { RubricScore, (row, value) => row.RubricScore = value },
        { MaxRubricScore, (row, value) => row.MaxRubricScore = value },
        { Comment, (row, value) => row.Comment = value },
        { DateGraded, (row, value) => row.DateGraded = value },
        { Grader, (row, value) => row.Grader = value },
        { GradeType, (row, value) => row.GradeType = value },
        { TicketCreatedAt, (row, value) => row.TicketCreatedAt = value },
        { DateFirstStarted, (row, value) => row.DateFirstStarted = value },
        { DateFirstGraded, (row, value) => row.DateFirstGraded = value },
        { DateReportedAs, (row, value) => row.DateReportedAs = value },
        { Source, (row, value) => row.Source = value },
        { TotalGradingTime, (row, value) => row.TotalGradingTime = value },
        { AlignmentScore, (row, value) => row.AlignmentScore = value },
        { TargetAnswerId, (row, value) => row.TargetAnswerId = value },
        { OriginalGrader, (row, value) => row.OriginalGrader = value },
    });

    private static readonly ExportTableSchema<MqaSectionScore> SectionScores = new(ExportTable.SectionScores, "section_scores", new()
    {
        { GradableId, (row, value) => row.GradableId = value },
        { AgentId, (row, value) => row.AgentId = value },
        { AgentName, (row, value) => row.AgentName = value },
        { AgentEmail, (row, value) => row.AgentEmail = value },
        { RubricId, (row, value) => row.RubricId = value },
        { RubricName, (row, value) => row.RubricName = value },
        { SectionId, (row, value) => row.SectionId = value },
        { SectionName, (row, value) => row.SectionName = value },
        { SectionScore, (row, value) => row.SectionScore = value },
        { MaxSectionScore, (row, value) => row.MaxSectionScore = value },
        { DateGraded, (row, value) => row.DateGraded = value },
        { Grader, (row, value) => row.Grader = value },
        { GradeType, (row, value) => row.GradeType = value },
        { TicketCreatedAt, (row, value) => row.TicketCreatedAt = value },
        { DateReportedAs, (row, value) => row.DateReportedAs = value },
        { Source, (row, value) => row.Source = value },
        { SectionWeight, (row, value) => row.SectionWeight = value },
        { AlignmentScore, (row, value) => row.AlignmentScore = value },
        { TargetAnswerId, (row, value) => row.TargetAnswerId = value },
        { OriginalGrader, (row, value) => row.OriginalGrader = value },
    });

    private static readonly ExportTableSchema<MqaAnswerScore> IndividualAnswers = new(ExportTable.IndividualAnswers, "individual_answers", new()
    {
        { GradableId, (row, value) => row.GradableId = value },
        { AgentId, (row, value) => row.AgentId = value },
        { AgentName, (row, value) => row.AgentName = value },
        { AgentEmail, (row, value) => row.AgentEmail = value },
        { RubricId, (row, value) => row.RubricId = value },
        { RubricName, (row, value) => row.RubricName = value },
        { QuestionId, (row, value) => row.QuestionId = value },
        { Question, (row, value) => row.Question = value },
        { AnswerLabel, (row, value) => row.AnswerLabel = value },
        { FeedbackAnswerLabel, (row, value) => row.FeedbackAnswerLabel = value },
        { QuestionScore, (row, value) => row.QuestionScore = value },
        { MaxQuestionScore, (row, value) => row.MaxQuestionScore = value },
        { Comment, (row, value) => row.Comment = value },
        { DateGraded, (row, value) => row.DateGraded = value },
        { Grader, (row, value) => row.Grader = value },
        { GradeType, (row, value) => row.GradeType = value },
        { TicketCreatedAt, (row, value) => row.TicketCreatedAt = value },
        { SectionId, (row, value) => row.SectionId = value },
        { SectionName, (row, value) => row.SectionName = value },
        { DateReportedAs, (row, value) => row.DateReportedAs = value },
        { Source, (row, value) => row.Source = value },
        { AlignmentScore, (row, value) => row.AlignmentScore = value },
        { TargetAnswerId, (row, value) => row.TargetAnswerId = value },
        { OriginalGrader, (row, value) => row.OriginalGrader = value },
    });

    private static readonly ExportTableSchema<MqaAnnotation> Annotations = new(ExportTable.Annotations, "annotations", new()
    {
        { GradableId, (row, value) => row.GradableId = value },
        { AgentId, (row, value) => row.AgentId = value },
        { AgentName, (row, value) => row.AgentName = value },
        { AgentEmail, (row, value) => row.AgentEmail = value },
        { RubricId, (row, value) => row.RubricId = value },
        { RubricName, (row, value) => row.RubricName = value },
        { QuestionId, (row, value) => row.QuestionId = value },
        { Question, (row, value) => row.Question = value },
        { AnnotationId, (row, value) => row.AnnotationId = value },
        { SelectedText, (row, value) => row.SelectedText = value },
        { Comment, (row, value) => row.Comment = value },
        { DateGraded, (row, value) => row.DateGraded = value },
        { Grader, (row, value) => row.Grader = value },
        { GradeType, (row, value) => row.GradeType = value },
        { TicketCreatedAt, (row, value) => row.TicketCreatedAt = value },
        { SectionId, (row, value) => row.SectionId = value },
        { SectionName, (row, value) => row.SectionName = value },
        { DateReportedAs, (row, value) => row.DateReportedAs = value },
        { Source, (row, value) => row.Source = value },
    });

    private static readonly ExportTableSchema<MqaCsat> Csat = new(ExportTable.Csat, "csat", new()
    {
        { GradableId, (row, value) => row.GradableId = value },
        { CsatScore, (row, value) => row.CsatScore = value },
        { CsatComment, (row, value) => row.CsatComment = value },
        { TicketCreatedAt, (row, value) => row.TicketCreatedAt = value },
        { Source, (row, value) => row.Source = value },
    });

    private static readonly ExportTableSchema<MqaGroupMember> AgentGroups = new(ExportTable.AgentGroups, "agent_groups", new()
    {
        { GroupName, (row, value) => row.GroupName = value },
        { GroupId, (row, value) => row.GroupId = value },
        { AgentName, (row, value) => row.AgentName = value },
        { AgentEmail, (row, value) => row.AgentEmail = value },
        { AgentIds, (row, value) => row.AgentIds = value },
        { Available, (row, value) => row.Available = value },
    });

    private static readonly ExportTableSchema<MqaAuditLogEntry> AuditLog = new(ExportTable.AuditLog, "audit_log", new()
    {
        { ActivityId, (row, value) => row.ActivityId = value },
        { TimeStamp, (row, value) => row.TimeStamp = value },
        { UserEmail, (row, value) => row.UserEmail = value },
        { ItemType, (row, value) => row.ItemType = value },
        { ActionType, (row, value) => row.ActionType = value },
        { Description, (row, value) => row.Description = value },
        { IpAddress, (row, value) => row.IpAddress = value },
    });

    public static IReadOnlyList<ExportTableSchema> All { get; } =
        [TotalScores, SectionScores, IndividualAnswers, Annotations, Csat, AgentGroups, AuditLog];

    public static ExportTableSchema Get(ExportTable table) =>
        All.FirstOrDefault(schema => schema.Table == table) ?? throw new ArgumentOutOfRangeException(nameof(table), table, null);
}
