using System;
using System.Collections.Generic;
using System.IO;
using MaestroQA.Client.Models;
using Sylvan.Data.Csv;

namespace MaestroQA.Client.Exports;

/// <summary>The CSV mechanics of an export file: encoding, RFC 4180 parsing, missing values, size limits and error locations.</summary>
internal sealed class ExportCsvReader : IDisposable
{
    private const int BufferSize = 0x10000;

    private static readonly CsvDataReaderOptions Options = new()
    {
        Delimiter = CsvRecordScanner.Delimiter,
        Quote = CsvRecordScanner.Quote,

        // Sylvan skips records that start with '#' by default; the exports have no comments
        // but do have text such as a group named "#escalations".
        Comment = CsvRecordScanner.CommentMarker,

        // A record must fit in the buffer: start at 64K characters and let records with long comments grow it. The
        // text it reads is cut to the limits first (LimitedCsvText), so no record can outgrow it.
        BufferSize = BufferSize,
        MaxBufferSize = 2 * ExportCsvLimits.MaxRowLength,
    };

    private readonly CsvDataReader _csv;
    private readonly LimitedCsvText _text;
    private readonly ExportCsvErrors _errors;

    private ExportCsvReader(CsvDataReader csv, LimitedCsvText text, ExportCsvErrors errors, string where)
    {
        _csv = csv;
        _text = text;
        _errors = errors;
        Where = where;
        Headers = errors.Headers;
    }

    public string SourceName => _errors.SourceName;

    /// <summary>Names the CSV in warnings: <c>'total_scores.csv'</c>, or <c>'export.zip' entry 'total_scores.csv'</c>.</summary>
    public string Where { get; }

    public int ColumnCount => Headers.Count;

    /// <summary>The header row as written.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The error for the row just read when a cell of it, or the row as a whole, is too long to read; its cells are then not to be read.</summary>
    public ExportFormatException? Oversized { get; private set; }

    /// <summary>The rows after the header that are not blank lines; all of them once <see cref="ReadNextRow"/> has returned false.</summary>
    public long DataRows => _text.Scanner.DataRows;

    /// <summary>Reads the header row; the stream is left open.</summary>
    /// <exception cref="ExportFormatException">The CSV is empty, not CSV, or its header is too long to be one.</exception>
    public static ExportCsvReader Open(Stream stream, string sourceName, string? where = null) =>
        OpenUnlessEmpty(stream, sourceName, where) ?? throw ExportCsvErrors.Empty(sourceName);

    /// <summary>Reads the header row, or returns null when there is none: the CSV holds nothing, or only a byte order mark.</summary>
    public static ExportCsvReader? OpenUnlessEmpty(
        Stream stream, string sourceName, string? where = null, int maxCellLength = ExportCsvLimits.MaxCellLength, int maxRowLength = ExportCsvLimits.MaxRowLength)
    {
        LimitedCsvText text = LimitedCsvText.Open(stream, maxCellLength, maxRowLength);
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, Options);
        }
        catch (CsvMissingHeadersException)
        {
            text.Dispose();
            return null;
        }
        catch (CsvFormatException exception)
        {
            text.Dispose();
            throw ExportCsvErrors.NotCsv(sourceName, exception);
        }

        var errors = new ExportCsvErrors(sourceName, ReadHeaders(csv), maxCellLength, maxRowLength);
        if (text.TakeOverflow(0) is CsvOverflow header)
        {
            csv.Dispose();
            throw errors.HeaderTooLong(header, csv.FieldCount - 1);
        }

        return new ExportCsvReader(csv, text, errors, where ?? $"'{sourceName}'");
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
                CsvOverflow? overflow = _text.TakeOverflow(_csv.RowNumber);
                Oversized = overflow is null ? null : _errors.TooLong(_csv.RowNumber, overflow, _csv.RowFieldCount - 1);
                if (overflow is { Unclosed: true })
                {
                    throw Oversized!; // it ran to the end: nothing after it is left to read
                }

                if (Oversized is not null || !IsBlankLine())
                {
                    return true;
                }
            }

            return false;
        }
        catch (CsvFormatException exception)
        {
            throw ExportCsvErrors.NotCsv(SourceName, exception);
        }
    }

    public ExportFormatException InvalidCell(int ordinal, FormatException exception) => _errors.InvalidCell(_csv.RowNumber, ordinal, exception);

    public void Dispose() => _csv.Dispose();

    private static string[] ReadHeaders(CsvDataReader csv)
    {
        var headers = new string[csv.FieldCount];
        for (int ordinal = 0; ordinal < headers.Length; ordinal++)
        {
            headers[ordinal] = csv.GetName(ordinal);
        }

        return headers;
    }

    // Sylvan reads a blank line as a record of one empty field.
    private bool IsBlankLine() => _csv.RowFieldCount == 1 && _csv.GetString(0).Length == 0;
}
