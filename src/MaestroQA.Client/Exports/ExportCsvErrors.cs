using System;
using System.Collections.Generic;
using MaestroQA.Client.Models;
using Sylvan.Data.Csv;
using static System.FormattableString;

namespace MaestroQA.Client.Exports;

/// <summary>What is wrong with an export CSV, worded for its user: the file, the row as a spreadsheet numbers it, the column.</summary>
internal sealed class ExportCsvErrors
{
    private readonly int _maxCellLength;
    private readonly int _maxRowLength;

    public ExportCsvErrors(string sourceName, IReadOnlyList<string> headers, int maxCellLength, int maxRowLength)
    {
        SourceName = sourceName;
        Headers = headers;
        _maxCellLength = maxCellLength;
        _maxRowLength = maxRowLength;
    }

    public string SourceName { get; }

    public IReadOnlyList<string> Headers { get; }

    public static ExportFormatException Empty(string sourceName) =>
        new($"'{sourceName}' is empty: it has no header row, so it holds no export table.");

    public static ExportFormatException NotCsv(string sourceName, CsvFormatException exception) =>
        new($"'{sourceName}' is not valid CSV at {RowName(exception.RowNumber)}: {exception.Message}", exception);

    public ExportFormatException InvalidCell(int dataRowNumber, int ordinal, FormatException exception) =>
        new($"'{SourceName}' {RowName(dataRowNumber)}, {ColumnName(ordinal)}: {exception.Message}", exception);

    /// <summary>A cell or row of the data too long to read, which costs its row; or a quote never closed, which ran to the end of the file.</summary>
    /// <param name="lastColumn">The ordinal of the last cell read of the row: the cell cut, when one was.</param>
    public ExportFormatException TooLong(long dataRowNumber, CsvOverflow overflow, int lastColumn)
    {
        if (overflow.Unclosed)
        {
            return new(Invariant($"'{SourceName}' is not valid CSV at {RowName(dataRowNumber)}: the quote that opens the cell in {ColumnName(lastColumn)} is never closed, so the cell runs {overflow.Length:N0} characters to the end of the file."));
        }

        return overflow.IsCell
            ? new(Invariant($"'{SourceName}' {RowName(dataRowNumber)}, {ColumnName(lastColumn)}: the cell is {overflow.Length:N0} characters long, more than the {_maxCellLength:N0} a cell may hold."))
            : new(Invariant($"'{SourceName}' {RowName(dataRowNumber)}: the row is {overflow.Length:N0} characters long, more than the {_maxRowLength:N0} a row may hold."));
    }

    /// <summary>A header cell or row too long to be a header: the file is no export CSV.</summary>
    public ExportFormatException HeaderTooLong(CsvOverflow overflow, int lastColumn)
    {
        string what = overflow.IsCell
            ? Invariant($"column {lastColumn + 1} of its header row is {overflow.Length:N0} characters long, more than the {_maxCellLength:N0} a cell may hold")
            : Invariant($"its header row is {overflow.Length:N0} characters long, more than the {_maxRowLength:N0} a row may hold");
        string unclosed = overflow.Unclosed ? " (a quote in it is never closed)" : string.Empty;
        return new($"'{SourceName}' is not an export CSV: {what}{unclosed}. A header row names the columns, in a few words each.");
    }

    // Rows are counted as a spreadsheet shows them: the header is row 1, and a line break
    // inside a quoted cell does not start a new row.
    private static string RowName(long dataRowNumber) => Invariant($"row {dataRowNumber + 1}");

    private string ColumnName(int ordinal) => ordinal < Headers.Count ? $"column '{Headers[ordinal]}'" : Invariant($"column {ordinal + 1}");
}
