namespace MaestroQA.MockServer.ExportFiles;

/// <summary>
/// Collects one generated row. Generators say what a value is; the builder decides, from the row's random stream,
/// how it is spelt (which missing marker, which date style), the quirks real exports have.
/// </summary>
internal sealed class RowBuilder(IExportTable table)
{
    private const double UnknownRatherThanEmpty = 0.85;
    private readonly Cell[] _cells = new Cell[table.Columns.Count];
    private int _count;

    public DeterministicRandom Random { get; } = new(0);

    public ReadOnlySpan<Cell> Cells => _count == _cells.Length
        ? _cells
        : throw new InvalidOperationException($"{table.Name}: generated {_count} values for {_cells.Length} columns");

    public void Start(ulong rowSeed)
    {
        Random.Reseed(rowSeed);
        _count = 0;
    }

    public void Text(string? value) => Add(string.IsNullOrEmpty(value) ? MissingCell() : Cell.Text(value));

    public void Number(double? value) => Add(value is { } number ? Cell.Number(number) : MissingCell());

    public void Date(DateTime? value) => Add(value is { } date ? Cell.Date(date, PickDateStyle()) : MissingCell());

    public void IdList(string[] ids) => Add(Cell.IdList(ids));

    public void Flag(bool value) => Add(Cell.Flag(value));

    private Cell MissingCell() => Cell.Missing(spelledUnknown: Random.Chance(UnknownRatherThanEmpty));

    private DateStyle PickDateStyle() => Random.NextDouble() switch
    {
        < 0.55 => DateStyle.FormulaWithMilliseconds,
        < 0.9 => DateStyle.FormulaWithoutMilliseconds,
        _ => DateStyle.PlainIso,
    };

    private void Add(Cell cell)
    {
        if (_count == _cells.Length)
        {
            throw new InvalidOperationException($"{table.Name}: generated more values than its {_cells.Length} columns");
        }

        _cells[_count++] = cell;
    }
}
