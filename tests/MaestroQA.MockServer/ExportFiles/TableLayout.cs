namespace MaestroQA.MockServer.ExportFiles;

/// <summary>
/// A table's columns as one export writes them: the documented order, or (files.shuffledHeader) a shuffled one, with
/// (files.extraColumn) an unknown column in the middle. Rows are generated in the documented order plus the extra
/// value last; <see cref="CellOrder"/> maps each written column to its value.
/// </summary>
internal sealed class TableLayout
{
    public const string ExtraColumnName = "new_metric";

    private TableLayout(IReadOnlyList<string> header, IReadOnlyList<int> cellOrder)
    {
        Header = header;
        CellOrder = cellOrder;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<int> CellOrder { get; }

    public static TableLayout For(ExportJob job, IExportTable table)
    {
        var known = table.Columns.Count;
        var order = Enumerable.Range(0, known).ToList();
        if (job.Files.ExtraColumn)
        {
            order.Insert(known / 2, known);
        }

        var written = job.Files.ShuffledHeader
            ? Shuffle.Apply(order, new StableHash(job.DataSeed).Add(table.Name).Add("header").Value)
            : order;
        return new TableLayout([.. written.Select(index => index < known ? table.Columns[index] : ExtraColumnName)], written);
    }
}
