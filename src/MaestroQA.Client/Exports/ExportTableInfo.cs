using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>One export table: its names, the export that holds it, its columns, and how its rows are read.</summary>
public sealed class ExportTableInfo
{
    private readonly ExportRowReader _reader;

    internal ExportTableInfo(ExportFileAttribute file, Type rowType)
    {
        Table = file.Table;
        FileStem = file.FileStem;
        Kind = file.Kind;
        RowType = rowType;
        _reader = (ExportRowReader)Activator.CreateInstance(typeof(ExportRowReader<>).MakeGenericType(rowType))!;
        Columns = _reader.Headers;
        IdentifyingColumns = rowType.GetProperties()
            .Select(property => property.GetCustomAttribute<ExportColumnAttribute>())
            .Where(column => column is { IdentifiesTable: true })
            .Select(column => column!.Header)
            .ToArray();
    }

    public ExportTable Table { get; }

    /// <summary>The file name without extension, e.g. <c>total_scores</c>; the raw export's singleFileExport value.</summary>
    public string FileStem { get; }

    public ExportKind Kind { get; }

    public Type RowType { get; }

    /// <summary>The headers this release knows, in the order the row class declares them.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The headers no other table has; see <see cref="ExportColumnAttribute.IdentifiesTable"/>.</summary>
    public IReadOnlyList<string> IdentifyingColumns { get; }

    /// <summary>The enum name (TotalScores) or the file stem (total_scores), in any case.</summary>
    public bool IsNamed(string name) =>
        string.Equals(name, FileStem, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Table.ToString(), StringComparison.OrdinalIgnoreCase);

    public override string ToString() => FileStem;

    /// <summary>Reads rows as they are enumerated; the stream is left open.</summary>
    /// <param name="onInvalidRow">Given, a row with a cell that cannot be read is reported to it and skipped; else it ends the read.</param>
    internal IEnumerable<MqaExportRow> ReadRows(Stream csv, string sourceName, Action<ExportFormatException>? onInvalidRow) =>
        _reader.ReadRows(csv, sourceName, onInvalidRow);
}
