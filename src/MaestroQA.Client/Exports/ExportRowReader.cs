using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>Reads the rows of one table's CSV.</summary>
internal abstract class ExportRowReader
{
    public abstract IReadOnlyList<string> Headers { get; }

    public abstract IEnumerable<MqaExportRow> ReadRows(Stream csv, string sourceName, Action<ExportFormatException>? onInvalidRow);
}

/// <summary>Reads rows of <typeparamref name="TRow"/>: each header is bound to its column once per file, so a row is a walk over an array.</summary>
internal sealed class ExportRowReader<TRow> : ExportRowReader
    where TRow : MqaExportRow, new()
{
    private readonly Dictionary<string, ExportColumnBinding<TRow>> _columns;

    public ExportRowReader()
    {
        ExportColumnBinding<TRow>[] bindings = ExportColumnBinding<TRow>.ForRowType();
        _columns = bindings.ToDictionary(binding => binding.Header, StringComparer.OrdinalIgnoreCase);
        Headers = bindings.Select(binding => binding.Header).ToArray();
    }

    public override IReadOnlyList<string> Headers { get; }

    public override IEnumerable<MqaExportRow> ReadRows(Stream csv, string sourceName, Action<ExportFormatException>? onInvalidRow)
    {
        using ExportCsvReader reader = ExportCsvReader.Open(csv, sourceName);
        ExportColumnBinding<TRow>?[] columns = BindHeaders(reader);
        while (reader.ReadNextRow())
        {
            TRow? row = null;
            try
            {
                row = ReadRow(reader, columns);
            }
            catch (ExportFormatException invalid) when (onInvalidRow is not null)
            {
                onInvalidRow(invalid);
            }

            if (row is not null)
            {
                yield return row;
            }
        }
    }

    // A null binding marks a column this release does not know.
    private ExportColumnBinding<TRow>?[] BindHeaders(ExportCsvReader reader)
    {
        var columns = new ExportColumnBinding<TRow>?[reader.ColumnCount];
        for (int ordinal = 0; ordinal < columns.Length; ordinal++)
        {
            columns[ordinal] = _columns.TryGetValue(reader.GetHeader(ordinal), out ExportColumnBinding<TRow>? column) ? column : null;
        }

        return columns;
    }

    private static TRow ReadRow(ExportCsvReader reader, ExportColumnBinding<TRow>?[] columns)
    {
        var row = new TRow();
        Dictionary<string, string?>? additionalColumns = null;
        for (int ordinal = 0; ordinal < columns.Length; ordinal++)
        {
            string? value = reader.GetCell(ordinal);
            ExportColumnBinding<TRow>? column = columns[ordinal];
            if (column is null)
            {
                (additionalColumns ??= new Dictionary<string, string?>())[reader.GetHeader(ordinal)] = value;
            }
            else if (value is not null)
            {
                try
                {
                    column.Assign(row, value);
                }
                catch (FormatException exception)
                {
                    throw reader.InvalidCell(ordinal, exception);
                }
            }
        }

        if (additionalColumns is not null)
        {
            row.AdditionalColumns = additionalColumns;
        }

        return row;
    }
}
