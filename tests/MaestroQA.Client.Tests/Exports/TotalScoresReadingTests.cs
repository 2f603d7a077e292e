using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class TotalScoresReadingTests
{
    // original_grader is missing; coaching_status is a column a later server added.
    private const string Csv = """"
        gradable_id,agent_id,agent_name,agent_email,rubric_id,rubric_name,coaching_status,rubric_score,max_rubric_score,comment,date_graded,grader,grade_type,ticket_created_at,date_first_started,date_first_graded,date_reported_as,source,total_grading_time,alignment_score,target_answer_id
        1001,a-17,Zoë Müller,zoe@example.com,r1,"Support, Tier 1",pending,8.5,10,"Said ""thanks"",
        then closed","=""2020-06-24 12:34:56.789""",grader@example.com,manual,="2020-06-23 08:00:00",2020-06-24T12:00:00Z,2020-06-24 12:30:00,"=""2020-06-24 00:00:00""",zendesk,312.25,Unknown,
        1002,Unknown,,Unknown,r1,Support,,0,10,,Unknown,,calibration,,Unknown,,,Unknown,,97.5,t-9
        """";

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void ReadsEveryColumn(bool withBom, string newLine)
    {
        List<MqaTotalScore> rows = Read<MqaTotalScore>(Csv, ExportTable.TotalScores, withBom, newLine);

        Assert.Equal(2, rows.Count);
        Assert.Equivalent(new
        {
            GradableId = "1001",
            AgentId = "a-17",
            AgentName = "Zoë Müller",
            AgentEmail = "zoe@example.com",
            RubricId = "r1",
            RubricName = "Support, Tier 1",
            RubricScore = 8.5,
            MaxRubricScore = 10.0,
            Comment = $"Said \"thanks\",{newLine}then closed",
            DateGraded = Utc(2020, 6, 24, 12, 34, 56, 789),
            Grader = "grader@example.com",
            GradeType = "manual",
            TicketCreatedAt = Utc(2020, 6, 23, 8),
            DateFirstStarted = Utc(2020, 6, 24, 12),
            DateFirstGraded = Utc(2020, 6, 24, 12, 30),
            DateReportedAs = Utc(2020, 6, 24),
            Source = "zendesk",
            TotalGradingTime = 312.25,
            AlignmentScore = (double?)null,
            TargetAnswerId = (string?)null,
            OriginalGrader = (string?)null,
        }, rows[0]);
        Assert.Equal("pending", Assert.Single(rows[0].GetAdditionalColumns(), column => column.Key == "coaching_status").Value);
        Assert.Equivalent(new
        {
            GradableId = "1002",
            AgentId = (string?)null,
            AgentName = (string?)null,
            AgentEmail = (string?)null,
            RubricScore = 0.0,
            Comment = (string?)null,
            DateGraded = (DateTime?)null,
            Grader = (string?)null,
            TicketCreatedAt = (DateTime?)null,
            DateFirstStarted = (DateTime?)null,
            DateFirstGraded = (DateTime?)null,
            DateReportedAs = (DateTime?)null,
            Source = (string?)null,
            TotalGradingTime = (double?)null,
            AlignmentScore = 97.5,
            TargetAnswerId = "t-9",
        }, rows[1]);
        Assert.Null(rows[1].GetAdditionalColumns()["coaching_status"]);
    }
}
