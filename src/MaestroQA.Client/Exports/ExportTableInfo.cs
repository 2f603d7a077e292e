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

    /// <summary>Whether a file's name, without folder and extension, ends in this table's stem (audit_log also in audit_logs).</summary>
    public bool IsNameOf(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/').Last());
        return stem.EndsWith(FileStem, StringComparison.OrdinalIgnoreCase) || stem.EndsWith(FileStem + "s", StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => FileStem;

    /// <summary>Reads the rows after the header <paramref name="reader"/> has read, as they are enumerated.</summary>
    internal IEnumerable<MqaExportRow> ReadRows(ExportCsvReader reader, ExportReadOptions options) => _reader.ReadRows(reader, options);
}
