using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MaestroQA.Client.Models;
using Sylvan.Data.Csv;

namespace MaestroQA.Client.Exports;

/// <summary>The CSV mechanics of an export file: encoding, RFC 4180 parsing, missing values and error locations.</summary>
internal sealed class ExportCsvReader : IDisposable
{
    private const int BufferSize = 0x10000;

    private static readonly CsvDataReaderOptions Options = new()
    {
        Delimiter = ',',

        // Sylvan skips records that start with '#' by default; the exports have no comments
        // but do have text such as a group named "#escalations".
        Comment = '\0',

        // A record must fit in the buffer: start at 64K characters and let records with very long
        // comments grow it, up to a bound that still stops a broken quote from swallowing the file.
        BufferSize = BufferSize,
        MaxBufferSize = 0x1000000,
    };

    private readonly CsvDataReader _csv;
    private readonly string _sourceName;

    private ExportCsvReader(CsvDataReader csv, string sourceName)
    {
        _csv = csv;
        _sourceName = sourceName;
        var headers = new string[csv.FieldCount];
        for (int ordinal = 0; ordinal < headers.Length; ordinal++)
        {
            headers[ordinal] = csv.GetName(ordinal);
        }

        Headers = headers;
    }

    public string SourceName => _sourceName;

    public int ColumnCount => Headers.Count;

    /// <summary>The header row as written.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Reads the header row; the stream is left open.</summary>
    /// <exception cref="ExportFormatException">The CSV is empty, or not CSV.</exception>
    public static ExportCsvReader Open(Stream stream, string sourceName) =>
        OpenUnlessEmpty(stream, sourceName) ?? throw Empty(sourceName);

    /// <summary>Reads the header row, or returns null when there is none: the CSV holds nothing, or only a byte order mark.</summary>
    public static ExportCsvReader? OpenUnlessEmpty(Stream stream, string sourceName)
    {
        // The exports are UTF-8, with or without a byte order mark.
        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        try
        {
            return new ExportCsvReader(CsvDataReader.Create(text, Options), sourceName);
        }
        catch (CsvMissingHeadersException)
        {
            text.Dispose();
            return null;
        }
        catch (CsvFormatException exception)
        {
            text.Dispose();
            throw NotCsv(sourceName, exception);
        }
    }

    public string GetHeader(int ordinal) => Headers[ordinal];

    /// <summary>The cell's text, or null when it holds no value. Cells past the end of a short row are missing.</summary>
    public string? GetCell(int ordinal) => ExportCell.Normalize(_csv.GetString(ordinal));

    public bool ReadNextRow()
    {
        try
        {
            while (_csv.Read())
            {
                if (!IsBlankLine())
                {
                    return true;
                }
            }

            return false;
        }
        catch (CsvFormatException exception)
        {
            throw NotCsv(_sourceName, exception);
        }
    }

    public ExportFormatException InvalidCell(int ordinal, FormatException exception) =>
        new($"'{_sourceName}' {RowName(_csv.RowNumber)}, column '{GetHeader(ordinal)}': {exception.Message}", exception);

    public void Dispose() => _csv.Dispose();

    private static ExportFormatException Empty(string sourceName) =>
        new($"'{sourceName}' is empty: it has no header row, so it holds no export table.");

    private static ExportFormatException NotCsv(string sourceName, CsvFormatException exception) =>
        new($"'{sourceName}' is not valid CSV at {RowName(exception.RowNumber)}: {exception.Message}", exception);

    // Rows are counted as a spreadsheet shows them: the header is row 1, and a line break
    // inside a quoted cell does not start a new row.
    private static string RowName(int dataRowNumber) => $"row {dataRowNumber + 1}";

    // Sylvan reads a blank line as a record of one empty field.
    private bool IsBlankLine() => _csv.RowFieldCount == 1 && _csv.GetString(0).Length == 0;
}
