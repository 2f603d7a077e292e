namespace MaestroQA.MockServer.ExportFiles;

/// <summary>section_scores.csv: one row per graded rubric section.</summary>
internal sealed class SectionScoresTable : IExportTable
{
    public string Name => "section_scores";

    public IReadOnlyList<string> Columns { get; } =
    [
        "gradable_id", "agent_id", "agent_name", "agent_email", "rubric_id", "rubric_name", "section_id",
        "section_name", "section_score", "max_section_score", "date_graded", "grader", "grade_type", "ticket_created_at",
        "date_reported_as", "source", "section_weight", "alignment_score", "target_answer_id", "original_grader",
    ];

    public void Fill(RowBuilder row, TableContext context)
    {
        var random = row.Random;
        var grade = GradeFacts.Draw(random, context);
        var section = random.Pick(grade.Rubric.Sections);
        var max = section.Questions.Sum(question => question.MaxScore);
        grade.WriteHead(row);
        row.Text(section.Id);
        row.Text(section.Name);
        row.Number(random.Maybe(random.Decimal(0, max, random.Chance(0.5) ? 0 : 2), 0.05));
        row.Number(max);
        grade.WriteGradedBy(row);
        row.Date(grade.DateReportedAs);
        row.Text(random.Maybe(grade.Source, 0.05));
        row.Number(random.Maybe(section.Weight, 0.05));
        grade.WriteCalibration(row);
    }
}
