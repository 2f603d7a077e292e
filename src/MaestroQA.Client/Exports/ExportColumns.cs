using System;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Every column the exports are known to carry: the only place their headers are spelled.
/// A header reads the same way in every table that has it.
/// </summary>
internal static class ExportColumns
{
    public static readonly ExportColumn<string> GradableId = Text("gradable_id");
    public static readonly ExportColumn<string> AgentId = Text("agent_id");
    public static readonly ExportColumn<string> AgentName = Text("agent_name");
    public static readonly ExportColumn<string> AgentEmail = Text("agent_email");
    public static readonly ExportColumn<string> RubricId = Text("rubric_id");
    public static readonly ExportColumn<string> RubricName = Text("rubric_name");
    public static readonly ExportColumn<double> RubricScore = Number("rubric_score");
    public static readonly ExportColumn<double> MaxRubricScore = Number("max_rubric_score");
    public static readonly ExportColumn<string> SectionId = Text("section_id");
    public static readonly ExportColumn<string> SectionName = Text("section_name");
    public static readonly ExportColumn<double> SectionScore = Number("section_score");
    public static readonly ExportColumn<double> MaxSectionScore = Number("max_section_score");
    public static readonly ExportColumn<double> SectionWeight = Number("section_weight");
    public static readonly ExportColumn<string> QuestionId = Text("question_id");
    public static readonly ExportColumn<string> Question = Text("question");
    public static readonly ExportColumn<string> AnswerLabel = Text("answer_label");
    public static readonly ExportColumn<string> FeedbackAnswerLabel = Text("feedback_answer_label");
    public static readonly ExportColumn<double> QuestionScore = Number("question_score");
    public static readonly ExportColumn<double> MaxQuestionScore = Number("max_question_score");
    public static readonly ExportColumn<string> AnnotationId = Text("annotation_id");
    public static readonly ExportColumn<string> SelectedText = Text("selected_text");
    public static readonly ExportColumn<string> Comment = Text("comment");
    public static readonly ExportColumn<DateTime> DateGraded = Date("date_graded");
    public static readonly ExportColumn<string> Grader = Text("grader");
    public static readonly ExportColumn<string> GradeType = Text("grade_type");
    public static readonly ExportColumn<DateTime> TicketCreatedAt = Date("ticket_created_at");
    public static readonly ExportColumn<DateTime> DateFirstStarted = Date("date_first_started");
    public static readonly ExportColumn<DateTime> DateFirstGraded = Date("date_first_graded");
    public static readonly ExportColumn<DateTime> DateReportedAs = Date("date_reported_as");
    public static readonly ExportColumn<string> Source = Text("source");
    public static readonly ExportColumn<double> TotalGradingTime = Number("total_grading_time");
    public static readonly ExportColumn<double> AlignmentScore = Number("alignment_score");
    public static readonly ExportColumn<string> TargetAnswerId = Text("target_answer_id");
    public static readonly ExportColumn<string> OriginalGrader = Text("original_grader");
    public static readonly ExportColumn<double> CsatScore = Number("csat_score");
    public static readonly ExportColumn<string> CsatComment = Text("csat_comment");
    public static readonly ExportColumn<string> GroupName = Text("group_name");
    public static readonly ExportColumn<string> GroupId = Text("group_id");
    public static readonly ExportColumn<string[]> AgentIds = TextList("agent_ids");
    public static readonly ExportColumn<bool> Available = Boolean("available");
    public static readonly ExportColumn<string> ActivityId = Text("activity_id");
    public static readonly ExportColumn<DateTime> TimeStamp = Date("time_stamp");
    public static readonly ExportColumn<string> UserEmail = Text("user_email");
    public static readonly ExportColumn<string> ItemType = Text("item_type");
    public static readonly ExportColumn<string> ActionType = Text("action_type");
    public static readonly ExportColumn<string> Description = Text("description");
    public static readonly ExportColumn<string> IpAddress = Text("ip_address");

    private static ExportColumn<string> Text(string header) => new(header, text => text);

    private static ExportColumn<double> Number(string header) => new(header, ExportCell.ParseNumber);

    private static ExportColumn<DateTime> Date(string header) => new(header, ExportDate.Parse);

    private static ExportColumn<string[]> TextList(string header) => new(header, ExportCell.ParseTextList);

    private static ExportColumn<bool> Boolean(string header) => new(header, ExportCell.ParseBoolean);
}
