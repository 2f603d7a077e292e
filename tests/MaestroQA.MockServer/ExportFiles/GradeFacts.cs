namespace MaestroQA.MockServer.ExportFiles;

/// <summary>
/// The facts about one grade that the four score tables share, drawn once per row and written in the shared column
/// runs (the leading six columns, the graded-by run, the calibration run) so no table repeats that code.
/// </summary>
internal sealed record GradeFacts(
    string GradableId,
    SampleAgent Agent,
    SampleRubric Rubric,
    string Grader,
    string GradeType,
    DateTime DateGraded,
    DateTime TicketCreatedAt,
    DateTime DateReportedAs,
    string Source)
{
    public static GradeFacts Draw(DeterministicRandom random, TableContext context)
    {
        var dateGraded = random.Between(context.RangeStart, context.RangeEnd);
        var ticketCreated = random.Between(dateGraded.AddDays(-30), dateGraded);
        return new GradeFacts(
            GradableIds.Draw(random),
            random.Pick(SampleData.Agents),
            random.Pick(SampleData.Rubrics),
            random.Pick(SampleData.Graders),
            random.Pick(context.GradeTypes),
            dateGraded,
            ticketCreated,
            random.Chance(0.5) ? dateGraded : ticketCreated,
            random.Pick(SampleData.Sources));
    }

    /// <summary>gradable_id, agent_id, agent_name, agent_email, rubric_id, rubric_name.</summary>
    public void WriteHead(RowBuilder row)
    {
        row.Text(GradableId);
        row.Text(Agent.Id);
        row.Text(row.Random.Maybe(Agent.Name, 0.02));
        row.Text(row.Random.Maybe(Agent.Email, 0.03));
        row.Text(Rubric.Id);
        row.Text(Rubric.Name);
    }

    /// <summary>date_graded, grader, grade_type, ticket_created_at.</summary>
    public void WriteGradedBy(RowBuilder row)
    {
        row.Date(DateGraded);
        row.Text(Grader);
        row.Text(GradeType);
        row.Date(row.Random.Maybe(TicketCreatedAt, 0.05));
    }

    /// <summary>alignment_score, target_answer_id, original_grader: only calibrations and grader QA have them.</summary>
    public void WriteCalibration(RowBuilder row)
    {
        var compared = GradeType != GradeTypeNames.Qa;
        row.Number(compared ? row.Random.Decimal(40, 100, 1) : null);
        row.Text(GradeType == GradeTypeNames.Calibration ? row.Random.Hex(17) : null);
        row.Text(compared ? row.Random.Pick(SampleData.Graders) : null);
    }
}

internal static class GradableIds
{
    /// <summary>Helpdesk ticket ids: mostly numeric, some chat-style; random, so rows come unsorted.</summary>
    public static string Draw(DeterministicRandom random) => random.Chance(0.8)
        ? random.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "chat-" + random.Hex(10);
}
