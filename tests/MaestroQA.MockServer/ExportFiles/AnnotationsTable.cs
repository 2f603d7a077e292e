namespace MaestroQA.MockServer.ExportFiles;

/// <summary>annotations.csv: one row per highlighted passage of a ticket.</summary>
internal sealed class AnnotationsTable : IExportTable
{
    public string Name => "annotations";

    public IReadOnlyList<string> Columns { get; } =
    [
        "gradable_id", "agent_id", "agent_name", "agent_email", "rubric_id", "rubric_name", "question_id", "question",
        "annotation_id", "selected_text", "comment", "date_graded", "grader", "grade_type", "ticket_created_at",
        "section_id", "section_name", "date_reported_as", "source",
    ];

    public void Fill(RowBuilder row, TableContext context)
    {
        var random = row.Random;
        var grade = GradeFacts.Draw(random, context);
        var section = random.Pick(grade.Rubric.Sections);
        var question = random.Pick(section.Questions);
        grade.WriteHead(row);
        row.Text(question.Id);
        row.Text(question.Text);
        row.Text("ann_" + random.Hex(12));
        row.Text(random.Pick(SampleData.SelectedTexts));
        row.Text(random.Maybe(random.Pick(SampleData.Comments), 0.2));
        grade.WriteGradedBy(row);
        row.Text(section.Id);
        row.Text(section.Name);
        row.Date(grade.DateReportedAs);
        row.Text(random.Maybe(grade.Source, 0.05));
    }
}
