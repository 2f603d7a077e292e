using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class SectionScoresReadingTests
{
    // source is missing; reviewed_by is a column a later server added.
    private const string Csv = """"
        gradable_id,agent_id,agent_name,agent_email,rubric_id,rubric_name,section_id,section_name,section_score,max_section_score,date_graded,grader,grade_type,ticket_created_at,date_reported_as,section_weight,alignment_score,target_answer_id,original_grader,reviewed_by
        2001,a-1,José Núñez,jose@example.com,r2,Billing,s-1,"Tone, empathy & ""care""",4.5,5,="2021-01-02 03:04:05.006",qa@example.com,manual,2021-01-01T23:59:59Z,"=""2021-01-02 00:00:00""",0.25,88.5,t-1,orig@example.com,"Lead
        Reviewer"
        2002,Unknown,,,r2,Billing,s-2,Unknown,,5,,Unknown,,,,Unknown,,,Unknown,
        """";

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void ReadsEveryColumn(bool withBom, string newLine)
    {
        List<MqaSectionScore> rows = Read<MqaSectionScore>(Csv, ExportTable.SectionScores, withBom, newLine);

        Assert.Equal(2, rows.Count);
        Assert.Equivalent(new
        {
            GradableId = "2001",
            AgentId = "a-1",
            AgentName = "José Núñez",
            AgentEmail = "jose@example.com",
            RubricId = "r2",
            RubricName = "Billing",
            SectionId = "s-1",
            SectionName = "Tone, empathy & \"care\"",
            SectionScore = 4.5,
            MaxSectionScore = 5.0,
            DateGraded = Utc(2021, 1, 2, 3, 4, 5, 6),
            Grader = "qa@example.com",
            GradeType = "manual",
            TicketCreatedAt = Utc(2021, 1, 1, 23, 59, 59),
            DateReportedAs = Utc(2021, 1, 2),
            Source = (string?)null,
            SectionWeight = 0.25,
            AlignmentScore = 88.5,
            TargetAnswerId = "t-1",
            OriginalGrader = "orig@example.com",
        }, rows[0]);
        Assert.Equal($"Lead{newLine}Reviewer", rows[0].GetAdditionalColumns()["reviewed_by"]);
        Assert.Equivalent(new
        {
            GradableId = "2002",
            AgentId = (string?)null,
            AgentName = (string?)null,
            AgentEmail = (string?)null,
            SectionName = (string?)null,
            SectionScore = (double?)null,
            DateGraded = (DateTime?)null,
            Grader = (string?)null,
            SectionWeight = (double?)null,
            AlignmentScore = (double?)null,
            OriginalGrader = (string?)null,
        }, rows[1]);
        Assert.Null(rows[1].GetAdditionalColumns()["reviewed_by"]);
    }
}
