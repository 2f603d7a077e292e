using System;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>Which tables to read from export files, where to report what is not a row, and what the read found.</summary>
public sealed record ExportReadOptions
{
    /// <summary>Read only this table; without it, every table a file holds.</summary>
    public ExportTable? Table { get; init; }

    /// <summary>
    /// A CSV whose header holds another table than <see cref="Table"/> is skipped, as when reading a folder, rather than
    /// an error, as for a file named on its own. Zip entries of other tables are always skipped.
    /// </summary>
    public bool SkipOtherTables { get; init; }

    /// <summary>Given, a row with a cell that cannot be read is reported here and skipped; else it ends the read.</summary>
    public Action<ExportFormatException>? OnInvalidRow { get; init; }

    /// <summary>Says which file or zip entry was left out, and why.</summary>
    public Action<string>? OnSkipped { get; init; }

    /// <summary>
    /// Told what a file or zip entry holds that is read, but may not be what the user thinks: a column named twice, or a
    /// table as long as an export's documented cap (<see cref="ExportRowCap"/>), told once its rows are read.
    /// </summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary>Counted as rows are read; shared by copies made with <c>with</c>.</summary>
    public ExportReadSummary Summary { get; init; } = new();
}

/// <summary>What reading export files found besides the rows themselves.</summary>
public sealed class ExportReadSummary
{
    public int Files { get; internal set; }

    public int Rows { get; internal set; }

    public int InvalidRows { get; internal set; }

    /// <summary>Cells of number, date and boolean columns that said they hold no value ("N/A", "null", "-"...).</summary>
    public int NoValueCells { get; internal set; }

    public override string ToString() =>
        $"{Rows} rows from {Files} file(s); {InvalidRows} row(s) skipped for an unreadable cell; {NoValueCells} number, date or boolean cell(s) said they hold no value";
}
