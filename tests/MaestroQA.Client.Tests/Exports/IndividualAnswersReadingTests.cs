using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class IndividualAnswersReadingTests
{
    // feedback_answer_label is missing; ai_suggested is a column a later server added, in the middle.
    private const string Csv = """"
        gradable_id,agent_id,agent_name,agent_email,rubric_id,rubric_name,question_id,question,answer_label,ai_suggested,question_score,max_question_score,comment,date_graded,grader,grade_type,ticket_created_at,section_id,section_name,date_reported_as,source,alignment_score,target_answer_id,original_grader
        3001,a-2,Łukasz Żak,lukasz@example.com,r3,Chat,q-1,¿Resolvió el problema?,Sí,yes,1,1,"First line, ""quoted""
        second line",="2022-05-06 07:08:09",grader@example.com,calibration,"=""2022-05-05 10:11:12.5""",s-1,Resolution,2022-05-06T00:00:00Z,intercom,0.75,t-3,lead@example.com
        3002,a-3,Unknown,,r3,Chat,q-2,Was the tone right?,Unknown,,-0.5,Unknown,,2022-05-06 07:08:09.123,,,,,,,Unknown,,,
        """";

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void ReadsEveryColumn(bool withBom, string newLine)
    {
        List<MqaAnswerScore> rows = Read<MqaAnswerScore>(Csv, ExportTable.IndividualAnswers, withBom, newLine);

        Assert.Equal(2, rows.Count);
        Assert.Equivalent(new
        {
            GradableId = "3001",
            AgentId = "a-2",
            AgentName = "Łukasz Żak",
            AgentEmail = "lukasz@example.com",
            RubricId = "r3",
            RubricName = "Chat",
            QuestionId = "q-1",
            Question = "¿Resolvió el problema?",
            AnswerLabel = "Sí",
            FeedbackAnswerLabel = (string?)null,
            QuestionScore = 1.0,
            MaxQuestionScore = 1.0,
            Comment = $"First line, \"quoted\"{newLine}second line",
            DateGraded = Utc(2022, 5, 6, 7, 8, 9),
            Grader = "grader@example.com",
            GradeType = "calibration",
            TicketCreatedAt = Utc(2022, 5, 5, 10, 11, 12, 500),
            SectionId = "s-1",
            SectionName = "Resolution",
            DateReportedAs = Utc(2022, 5, 6),
            Source = "intercom",
            AlignmentScore = 0.75,
            TargetAnswerId = "t-3",
            OriginalGrader = "lead@example.com",
        }, rows[0]);
        Assert.Equal("yes", rows[0].GetAdditionalColumns()["ai_suggested"]);
        Assert.Equivalent(new
        {
            GradableId = "3002",
            AgentName = (string?)null,
            AgentEmail = (string?)null,
            AnswerLabel = (string?)null,
            QuestionScore = -0.5,
            MaxQuestionScore = (double?)null,
            Comment = (string?)null,
            DateGraded = Utc(2022, 5, 6, 7, 8, 9, 123),
            Grader = (string?)null,
            TicketCreatedAt = (DateTime?)null,
            Source = (string?)null,
            OriginalGrader = (string?)null,
        }, rows[1]);
        Assert.Null(rows[1].GetAdditionalColumns()["ai_suggested"]);
    }
}
