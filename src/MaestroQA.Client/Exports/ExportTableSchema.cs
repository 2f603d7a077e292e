using System;
using System.Collections.Generic;
using System.IO;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>One export table: the name its files carry and how its rows are read.</summary>
internal abstract class ExportTableSchema
{
    private protected ExportTableSchema(ExportTable table, string fileStem)
    {
        Table = table;
        FileStem = fileStem;
    }

    public ExportTable Table { get; }

    /// <summary>The file name without extension, e.g. <c>total_scores</c>.</summary>
    public string FileStem { get; }

    /// <summary>Reads rows as they are enumerated; the stream is left open.</summary>
    /// <param name="onInvalidRow">Given, a row with a cell that cannot be read is reported to it and skipped; else it ends the read.</param>
    public abstract IEnumerable<MqaExportRow> ReadRows(Stream csv, string sourceName, Action<ExportFormatException>? onInvalidRow);
}

/// <summary>An export table whose rows are <typeparamref name="TRow"/>.</summary>
internal sealed class ExportTableSchema<TRow> : ExportTableSchema
    where TRow : MqaExportRow, new()
{
    private readonly ExportColumnMap<TRow> _columns;

    public ExportTableSchema(ExportTable table, string fileStem, ExportColumnMap<TRow> columns)
        : base(table, fileStem)
    {
        _columns = columns;
    }

    public override IEnumerable<MqaExportRow> ReadRows(Stream csv, string sourceName, Action<ExportFormatException>? onInvalidRow)
    {
        using ExportCsvReader reader = ExportCsvReader.Open(csv, sourceName);
        Action<TRow, string>?[] assigners = BindHeaders(reader);
        while (reader.ReadNextRow())
        {
            TRow? row = null;
            try
            {
                row = ReadRow(reader, assigners);
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

    // Headers are looked up once per file, so reading a row is a walk over an array.
    // A null assigner marks a column this release does not know.
    private Action<TRow, string>?[] BindHeaders(ExportCsvReader reader)
    {
        var assigners = new Action<TRow, string>?[reader.ColumnCount];
        for (int ordinal = 0; ordinal < assigners.Length; ordinal++)
        {
            assigners[ordinal] = _columns.TryGetValue(reader.GetHeader(ordinal), out Action<TRow, string>? assign) ? assign : null;
        }

        return assigners;
    }

    private static TRow ReadRow(ExportCsvReader reader, Action<TRow, string>?[] assigners)
    {
        var row = new TRow();
        Dictionary<string, string?>? additionalColumns = null;
        for (int ordinal = 0; ordinal < assigners.Length; ordinal++)
        {
            string? value = reader.GetCell(ordinal);
            Action<TRow, string>? assign = assigners[ordinal];
            if (assign is null)
            {
                (additionalColumns ??= new Dictionary<string, string?>())[reader.GetHeader(ordinal)] = value;
            }
            else if (value is not null)
            {
                try
                {
                    assign(row, value);
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
