using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Streams typed rows out of MaestroQA export files: a raw export zip or one of its CSV files,
/// an agent groups CSV or an audit log CSV. Rows are read as they are enumerated, never all at once.
/// </summary>
public static class ExportReader
{
    /// <summary>Reads a CSV of <paramref name="table"/>; the stream is left open.</summary>
    /// <param name="sourceName">Names the CSV in error messages.</param>
    /// <param name="onInvalidRow">Given, a row with a cell that cannot be read is reported to it and skipped; else it ends the read.</param>
    public static IEnumerable<MqaExportRow> ReadRows(Stream csv, ExportTable table, string sourceName = "CSV stream", Action<ExportFormatException>? onInvalidRow = null) =>
        ExportCatalog.Get(table).ReadRows(csv, sourceName, onInvalidRow);

    /// <summary>
    /// Reads a zip or CSV export file. From a zip, <paramref name="table"/> picks one table;
    /// without it every CSV of a known table is read, in archive order.
    /// A CSV's table is inferred from its name unless <paramref name="table"/> is given.
    /// </summary>
    public static IEnumerable<MqaExportRow> ReadFile(string path, ExportTable? table = null, Action<ExportFormatException>? onInvalidRow = null)
    {
        if (string.Equals(Path.GetExtension(path), ".zip", StringComparison.OrdinalIgnoreCase))
        {
            return ReadArchive(path, table, onInvalidRow);
        }

        ExportTable csvTable = table ?? InferTable(path) ?? throw ExportFormatException.UnknownTable(path);
        return ReadRows(() => File.OpenRead(path), csvTable, Path.GetFileName(path), onInvalidRow);
    }

    /// <summary>
    /// The table a file holds, from its name: <c>total_scores.csv</c>, <c>export/total_scores.csv</c>
    /// and <c>Weekly - total_scores.csv</c> all hold total scores. Null when the name matches no table.
    /// </summary>
    public static ExportTable? InferTable(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        return ExportCatalog.Tables.FirstOrDefault(info => stem.EndsWith(info.FileStem, StringComparison.OrdinalIgnoreCase))?.Table;
    }

    /// <summary>Opens the stream on the first row and disposes it when the enumeration ends.</summary>
    internal static IEnumerable<MqaExportRow> ReadRows(Func<Stream> openCsv, ExportTable table, string sourceName, Action<ExportFormatException>? onInvalidRow)
    {
        using Stream csv = openCsv();
        foreach (MqaExportRow row in ReadRows(csv, table, sourceName, onInvalidRow))
        {
            yield return row;
        }
    }

    private static IEnumerable<MqaExportRow> ReadArchive(string path, ExportTable? table, Action<ExportFormatException>? onInvalidRow)
    {
        using ExportArchive archive = ExportArchive.Open(path);
        foreach (MqaExportRow row in archive.ReadRows(table, onInvalidRow))
        {
            yield return row;
        }
    }
}
