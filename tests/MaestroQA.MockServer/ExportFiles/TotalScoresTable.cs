namespace MaestroQA.MockServer.ExportFiles;

/// <summary>total_scores.csv: one row per graded rubric.</summary>
internal sealed class TotalScoresTable : IExportTable
{
    public string Name => "total_scores";

    public IReadOnlyList<string> Columns { get; } =
    [
        "gradable_id", "agent_id", "agent_name", "agent_email", "rubric_id", "rubric_name", "rubric_score",
        "max_rubric_score", "comment", "date_graded", "grader", "grade_type", "ticket_created_at", "date_first_started",
        "date_first_graded", "date_reported_as", "source", "total_grading_time", "alignment_score", "target_answer_id",
        "original_grader",
    ];

    public void Fill(RowBuilder row, TableContext context)
    {
        var random = row.Random;
        var grade = GradeFacts.Draw(random, context);
        var max = grade.Rubric.MaxScore;
        var firstStarted = random.Between(grade.DateGraded.AddHours(-2), grade.DateGraded);
        grade.WriteHead(row);
        row.Number(random.Maybe(random.Decimal(0, max, random.Chance(0.5) ? 0 : 2), 0.04));
        row.Number(max);
        row.Text(random.Maybe(random.Pick(SampleData.Comments), 0.3));
        grade.WriteGradedBy(row);
        row.Date(random.Maybe(firstStarted, 0.1));
        row.Date(random.Maybe(random.Between(firstStarted, grade.DateGraded), 0.05));
        row.Date(grade.DateReportedAs);
        row.Text(random.Maybe(grade.Source, 0.05));
        row.Number(random.Maybe(random.Decimal(20, 1800, random.Chance(0.7) ? 0 : 1), 0.05));
        grade.WriteCalibration(row);
    }
}
