namespace MaestroQA.MockServer.ExportFiles;

/// <summary>
/// Collects one generated row. Generators say what a value is; the builder decides, from the row's random stream and
/// the export's file variants, how it is spelt (which missing marker, which date style), the quirks real exports have.
/// </summary>
internal sealed class RowBuilder(IExportTable table, FilesConfig files)
{
    private const double UnknownRatherThanEmpty = 0.85;

    /// <summary>files.missingValues "varied": the spellings of "no value" seen or feared in number, date and boolean columns.</summary>
    private static readonly string[] VariedMissingSpellings = ["N/A", "n/a", "NA", "null", "None", "-", "Unknown", ""];

    private readonly Cell[] _cells = new Cell[table.Columns.Count + (files.ExtraColumn ? 1 : 0)];
    private int _count;
    private int _rowIndex;
    private ulong _rowSeed;

    public DeterministicRandom Random { get; } = new(0);

    public ReadOnlySpan<Cell> Cells => _count == _cells.Length
        ? _cells
        : throw new InvalidOperationException($"{table.Name}: generated {_count} values for {_cells.Length} columns");

    public void Start(ulong rowSeed, int rowIndex)
    {
        Random.Reseed(rowSeed);
        _rowSeed = rowSeed;
        _rowIndex = rowIndex;
        _count = 0;
    }

    public void Text(string? value) => Add(string.IsNullOrEmpty(value) ? MissingCell(CellKind.Text) : Cell.Text(value));

    public void Number(double? value) => Add(value is { } number ? Cell.Number(number) : MissingCell(CellKind.Number));

    public void Date(DateTime? value) => Add(value is { } date ? Cell.Date(date, PickDateStyle()) : MissingCell(CellKind.Date));

    public void IdList(string[] ids) => Add(Cell.IdList(ids));

    /// <summary>With varied missing values, one boolean in eight (by position, not by the row's stream) has none.</summary>
    public void Flag(bool value) => Add(
        files.MissingValues == MissingValues.Varied && new StableHash(_rowSeed).Add(_count).Value % 8 == 0
            ? MissingCell(CellKind.Flag)
            : Cell.Flag(value));

    /// <summary>
    /// Text columns keep "Unknown" or empty (a text can be "N/A" for real); the others take the varied spellings when
    /// asked, spread by row and column so every spelling shows up. The draw is made either way, so the row's later
    /// values do not depend on the variant.
    /// </summary>
    private Cell MissingCell(CellKind columnKind)
    {
        var unknown = Random.Chance(UnknownRatherThanEmpty);
        return files.MissingValues == MissingValues.Varied && columnKind != CellKind.Text
            ? Cell.Missing(VariedMissingSpellings[(_rowIndex + _count) % VariedMissingSpellings.Length])
            : Cell.Missing(unknown ? "Unknown" : "");
    }

    /// <summary>One draw whatever files.dates says, so the values are the same in every variant (bar milliseconds).</summary>
    private DateStyle PickDateStyle()
    {
        var draw = Random.NextDouble();
        var withMilliseconds = draw < 0.55;
        return files.Dates switch
        {
            DateSpelling.BareFormula => withMilliseconds ? DateStyle.BareFormulaWithMilliseconds : DateStyle.BareFormulaWithoutMilliseconds,
            DateSpelling.QuotedFormula => withMilliseconds ? DateStyle.FormulaWithMilliseconds : DateStyle.FormulaWithoutMilliseconds,
            DateSpelling.IsoOffset => withMilliseconds ? DateStyle.IsoOffsetWithMilliseconds : DateStyle.IsoOffsetWithoutMilliseconds,
            _ => draw switch
            {
                < 0.55 => DateStyle.FormulaWithMilliseconds,
                < 0.9 => DateStyle.FormulaWithoutMilliseconds,
                _ => DateStyle.PlainIso,
            },
        };
    }

    private void Add(Cell cell)
    {
        if (_count == _cells.Length)
        {
            throw new InvalidOperationException($"{table.Name}: generated more values than its {_cells.Length} columns");
        }

        _cells[_count++] = cell;
    }
}
