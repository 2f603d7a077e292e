using System;
using System.Collections.Generic;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>Reads the rows of one table's CSV.</summary>
internal abstract class ExportRowReader
{
    public abstract IReadOnlyList<string> Headers { get; }

    public abstract IEnumerable<MqaExportRow> ReadRows(ExportCsvReader reader, ExportReadOptions options);
}

/// <summary>
/// Reads rows of <typeparamref name="TRow"/>: each header is bound to its column once per file, whatever its case,
/// spacing or place in the header, so a row is a walk over an array. Known columns the file lacks stay null.
/// </summary>
internal sealed class ExportRowReader<TRow> : ExportRowReader
    where TRow : MqaExportRow, new()
{
    private readonly Dictionary<string, ExportColumnBinding<TRow>> _columns;

    public ExportRowReader()
    {
        ExportColumnBinding<TRow>[] bindings = ExportColumnBinding<TRow>.ForRowType();
        _columns = bindings.ToDictionary(binding => ExportCatalog.HeaderKey(binding.Header), StringComparer.Ordinal);
        Headers = bindings.Select(binding => binding.Header).ToArray();
    }

    public override IReadOnlyList<string> Headers { get; }

    public override IEnumerable<MqaExportRow> ReadRows(ExportCsvReader reader, ExportReadOptions options)
    {
        Column[] columns = BindHeaders(reader, options);
        ExportReadSummary summary = options.Summary;
        summary.Files++;
        while (reader.ReadNextRow())
        {
            TRow? row = null;
            try
            {
                row = ReadRow(reader, columns, summary);
            }
            catch (ExportFormatException invalid) when (options.OnInvalidRow is not null)
            {
                summary.InvalidRows++;
                options.OnInvalidRow(invalid);
            }

            if (row is not null)
            {
                summary.Rows++;
                yield return row;
            }
        }
    }

    // The columns to read, in file order: a column named again later is read from its first place only.
    private Column[] BindHeaders(ExportCsvReader reader, ExportReadOptions options)
    {
        IReadOnlyList<IReadOnlyList<int>> repeats = RepeatedColumns.Find(reader.Headers);
        if (repeats.Count > 0)
        {
            options.OnWarning?.Invoke(RepeatedColumns.Warning(reader.Where, reader.Headers, repeats));
        }

        var ignored = new HashSet<int>(repeats.SelectMany(ordinals => ordinals.Skip(1)));
        return Enumerable.Range(0, reader.ColumnCount)
            .Where(ordinal => !ignored.Contains(ordinal))
            .Select(ordinal => new Column(ordinal, _columns.TryGetValue(ExportCatalog.HeaderKey(reader.GetHeader(ordinal)), out ExportColumnBinding<TRow>? binding) ? binding : null))
            .ToArray();
    }

    private static TRow ReadRow(ExportCsvReader reader, Column[] columns, ExportReadSummary summary)
    {
        if (reader.Oversized is ExportFormatException oversized)
        {
            throw oversized;
        }

        var row = new TRow();
        Dictionary<string, string?>? additionalColumns = null;
        foreach ((int ordinal, ExportColumnBinding<TRow>? column) in columns)
        {
            string? value = reader.GetCell(ordinal);
            if (column is null)
            {
                (additionalColumns ??= new Dictionary<string, string?>())[reader.GetHeader(ordinal)] = value;
            }
            else if (value is null)
            {
                continue;
            }
            else if (column.IsTyped && ExportCell.MeansNoValue(value))
            {
                summary.NoValueCells++;
            }
            else
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

    /// <summary>A column of the file to read: its ordinal, and its binding, or null for a column this release does not know.</summary>
    private readonly record struct Column(int Ordinal, ExportColumnBinding<TRow>? Binding);
}
