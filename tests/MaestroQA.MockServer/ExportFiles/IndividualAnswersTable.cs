namespace MaestroQA.MockServer.ExportFiles;

/// <summary>individual_answers.csv: one row per answered question.</summary>
internal sealed class IndividualAnswersTable : IExportTable
{
    public string Name => "individual_answers";

    public IReadOnlyList<string> Columns { get; } =
    [
        "gradable_id", "agent_id", "agent_name", "agent_email", "rubric_id", "rubric_name", "question_id", "question",
        "answer_label", "feedback_answer_label", "question_score", "max_question_score", "comment", "date_graded",
        "grader", "grade_type", "ticket_created_at", "section_id", "section_name", "date_reported_as", "source",
        "alignment_score", "target_answer_id", "original_grader",
    ];

    public void Fill(RowBuilder row, TableContext context)
    {
        var random = row.Random;
        var grade = GradeFacts.Draw(random, context);
        var section = random.Pick(grade.Rubric.Sections);
        var question = random.Pick(section.Questions);
        var answer = random.Pick(SampleData.AnswerLabels);
        grade.WriteHead(row);
        row.Text(question.Id);
        row.Text(question.Text);
        row.Text(answer);
        row.Text(random.Maybe(random.Pick(SampleData.FeedbackLabels), 0.7));
        // A "N/A" answer is not scored.
        row.Number(answer == "N/A" ? null : random.Decimal(0, question.MaxScore, random.Chance(0.8) ? 0 : 1));
        row.Number(question.MaxScore);
        row.Text(random.Maybe(random.Pick(SampleData.Comments), 0.6));
        grade.WriteGradedBy(row);
        row.Text(section.Id);
        row.Text(section.Name);
        row.Date(grade.DateReportedAs);
        row.Text(random.Maybe(grade.Source, 0.05));
        grade.WriteCalibration(row);
    }
}
