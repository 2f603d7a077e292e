using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class AnnotationsReadingTests
{
    // section_name is missing; highlight_color is a column a later server added.
    private const string Csv = """"
        gradable_id,agent_id,agent_name,agent_email,rubric_id,rubric_name,question_id,question,annotation_id,selected_text,comment,date_graded,grader,grade_type,ticket_created_at,section_id,date_reported_as,source,highlight_color
        4001,a-4,Ümit Öz,umit@example.com,r4,Email,q-9,Greeting?,n-1,"Hi there,
        thanks for ""waiting""",Too casual — 再考,"=""2023-07-08 09:10:11.120""",grader@example.com,manual,2023-07-01 00:00:00,s-2,="2023-07-08 00:00:00",gorgias,#ffcc00
        4002,a-4,Ümit Öz,umit@example.com,r4,Email,Unknown,,n-2,,Unknown,,,,Unknown,,,,
        """";

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void ReadsEveryColumn(bool withBom, string newLine)
    {
        List<MqaAnnotation> rows = Read<MqaAnnotation>(Csv, ExportTable.Annotations, withBom, newLine);

        Assert.Equal(2, rows.Count);
        Assert.Equivalent(new
        {
            GradableId = "4001",
            AgentId = "a-4",
            AgentName = "Ümit Öz",
            AgentEmail = "umit@example.com",
            RubricId = "r4",
            RubricName = "Email",
            QuestionId = "q-9",
            Question = "Greeting?",
            AnnotationId = "n-1",
            SelectedText = $"Hi there,{newLine}thanks for \"waiting\"",
            Comment = "Too casual — 再考",
            DateGraded = Utc(2023, 7, 8, 9, 10, 11, 120),
            Grader = "grader@example.com",
            GradeType = "manual",
            TicketCreatedAt = Utc(2023, 7, 1),
            SectionId = "s-2",
            SectionName = (string?)null,
            DateReportedAs = Utc(2023, 7, 8),
            Source = "gorgias",
        }, rows[0]);
        Assert.Equal("#ffcc00", rows[0].GetAdditionalColumns()["highlight_color"]);
        Assert.Equivalent(new
        {
            AnnotationId = "n-2",
            QuestionId = (string?)null,
            Question = (string?)null,
            SelectedText = (string?)null,
            Comment = (string?)null,
            DateGraded = (DateTime?)null,
            TicketCreatedAt = (DateTime?)null,
            Source = (string?)null,
        }, rows[1]);
    }
}
