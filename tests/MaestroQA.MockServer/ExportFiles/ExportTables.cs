namespace MaestroQA.MockServer.ExportFiles;

/// <summary>The tables, which of them an export holds, and their rows.</summary>
internal static class ExportTables
{
    public static readonly IExportTable TotalScores = new TotalScoresTable();
    public static readonly IExportTable SectionScores = new SectionScoresTable();
    public static readonly IExportTable IndividualAnswers = new IndividualAnswersTable();
    public static readonly IExportTable Annotations = new AnnotationsTable();
    public static readonly IExportTable Csat = new CsatTable();
    public static readonly IExportTable AgentGroups = new AgentGroupsTable();
    public static readonly IExportTable AuditLog = new AuditLogTable();

    /// <summary>A raw export's zip, in this order.</summary>
    public static readonly IReadOnlyList<IExportTable> Raw = [TotalScores, SectionScores, IndividualAnswers, Annotations, Csat];

    /// <summary>The values singleFileExport accepts, in the article's order.</summary>
    public static readonly IReadOnlyList<string> SingleFileNames =
        [IndividualAnswers.Name, SectionScores.Name, TotalScores.Name, Annotations.Name, Csat.Name];

    public static IReadOnlyList<IExportTable> For(ExportJob job) => job.Request.Kind switch
    {
        ExportKind.Raw when job.Request.SingleFileExport is { } single => [Raw.Single(table => table.Name == single)],
        ExportKind.Raw => Raw,
        ExportKind.Groups => [AgentGroups],
        _ => [AuditLog],
    };

    /// <summary>
    /// The table's rows, generated one at a time into one reused builder (consume each before the next), each row
    /// from its own seed so any row can be regenerated alone.
    /// </summary>
    public static IEnumerable<RowBuilder> Rows(ExportJob job, IExportTable table)
    {
        if (!job.HasData)
        {
            yield break;
        }

        var context = TableContext.For(job);
        var tableSeed = new StableHash(job.DataSeed).Add(table.Name);
        var row = new RowBuilder(table, job.Files);
        for (var index = 0; index < job.Rows; index++)
        {
            row.Start(tableSeed.Add(index).Value, index);
            table.Fill(row, context);
            if (job.Files.ExtraColumn)
            {
                // After the known values, so they are the same with or without the extra column.
                row.Number(row.Random.Maybe(row.Random.Decimal(0, 10, 1), 0.1));
            }

            yield return row;
        }
    }
}
