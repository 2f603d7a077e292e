namespace MaestroQA.MockServer;

/// <summary>The last path segment of dataUrl (the vendor documents none; its only example is ".../path/to/file").</summary>
internal enum DataUrlFileNames
{
    /// <summary>&lt;exportId&gt;.zip, &lt;singleFileExport&gt;.csv, agent_groups.csv, audit_log.csv.</summary>
    Table,

    /// <summary>"file": no extension, no table name, as the article's example.</summary>
    Opaque,

    /// <summary>A random-looking GUID and the right extension.</summary>
    Uuid,

    /// <summary>The export's name (the generated one when none was given) and the right extension.</summary>
    ExportName,

    /// <summary>Another number of the table's name: audit_logs.csv, agent_group.csv, total_score.csv, raw_exports.zip...</summary>
    Plural,

    /// <summary>&lt;exportId&gt;.csv or &lt;exportId&gt;.zip.</summary>
    ExportId,
}

/// <summary>The names of a raw export's zip entries.</summary>
internal enum ZipEntryNames
{
    /// <summary>&lt;table&gt;.csv in the article's order.</summary>
    Table,

    /// <summary>1.csv .. 5.csv, tables in a shuffled order.</summary>
    Numbered,

    /// <summary>"&lt;export name&gt; - part N.csv", tables in a shuffled order.</summary>
    Parts,
}

/// <summary>How missing values are spelt.</summary>
internal enum MissingValues
{
    /// <summary>"Unknown" or empty (seen in real files).</summary>
    Unknown,

    /// <summary>In number, date and boolean columns: N/A, n/a, NA, null, None, -, Unknown or empty, spread by position; booleans can be missing too.</summary>
    Varied,
}

/// <summary>How dates are spelt in the CSVs.</summary>
internal enum DateSpelling
{
    /// <summary>Quoted formulas with and without milliseconds, and plain ISO UTC, mixed (seen in real files).</summary>
    Mixed,

    /// <summary>="2024-01-02 03:04:05[.fff]" with its quotes bare in the field, not RFC 4180 quoted.</summary>
    BareFormula,

    /// <summary>"=""2024-01-02 03:04:05[.fff]""": formulas only, RFC 4180 quoted.</summary>
    QuotedFormula,

    /// <summary>ISO 8601 with a UTC offset, not always +00:00: 2024-01-01T22:04:05[.fff]-05:00.</summary>
    IsoOffset,
}

internal enum LineEndings
{
    Crlf,
    Lf,
}

/// <summary>
/// Variants of the export files where the vendor's article is silent. Each export keeps the variants in force when it
/// was requested, so its file and its /admin rows always agree.
/// </summary>
internal sealed record FilesConfig
{
    public DataUrlFileNames DataUrlFileNames { get; init; } = DataUrlFileNames.Table;

    /// <summary>Zip entries under "&lt;export name&gt;/" (with a directory entry), as a folder zipped by hand.</summary>
    public bool ZipFolder { get; init; }

    public ZipEntryNames ZipEntryNames { get; init; } = ZipEntryNames.Table;

    public MissingValues MissingValues { get; init; } = MissingValues.Unknown;

    /// <summary>One column the client does not know, "new_metric", in the middle of every table.</summary>
    public bool ExtraColumn { get; init; }

    /// <summary>Every table's columns in a shuffled (deterministic, never the documented) order.</summary>
    public bool ShuffledHeader { get; init; }

    public DateSpelling Dates { get; init; } = DateSpelling.Mixed;

    /// <summary>A UTF-8 byte order mark at the start of every CSV.</summary>
    public bool Bom { get; init; }

    public LineEndings LineEndings { get; init; } = LineEndings.Crlf;
}
