namespace MaestroQA.MockServer.ExportFiles;

/// <summary>csat.csv: the customer satisfaction score of graded tickets.</summary>
internal sealed class CsatTable : IExportTable
{
    public string Name => "csat";

    public IReadOnlyList<string> Columns { get; } = ["gradable_id", "csat_score", "csat_comment", "ticket_created_at", "source"];

    public void Fill(RowBuilder row, TableContext context)
    {
        var random = row.Random;
        row.Text(GradableIds.Draw(random));
        // Most helpdesks score 1-5; some report a percentage-like decimal.
        row.Number(random.Maybe(random.Chance(0.9) ? random.Next(1, 6) : random.Decimal(0, 100, 1), 0.1));
        row.Text(random.Maybe(random.Pick(SampleData.CsatComments), 0.4));
        row.Date(random.Between(context.RangeStart.AddDays(-30), context.RangeEnd));
        row.Text(random.Maybe(random.Pick(SampleData.Sources), 0.05));
    }
}
