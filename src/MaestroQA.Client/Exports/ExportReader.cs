using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Streams typed rows out of MaestroQA export files: a raw export zip or one of its CSV files, an agent groups CSV or
/// an audit log CSV, whatever they are called. What a file is comes from its bytes (a zip starts with PK) and which
/// table a CSV holds from its header row; the name is only a tiebreaker. Rows are read as they are enumerated.
/// </summary>
public static class ExportReader
{
    /// <summary>Reads a CSV as <paramref name="table"/>; a header that holds another table is an error. The stream is left open.</summary>
    /// <param name="sourceName">Names the CSV in error messages.</param>
    /// <param name="onInvalidRow">Given, a row with a cell that cannot be read is reported to it and skipped; else it ends the read.</param>
    public static IEnumerable<MqaExportRow> ReadRows(Stream csv, ExportTable table, string sourceName = "CSV stream", Action<ExportFormatException>? onInvalidRow = null) =>
        ReadRows(csv, table, new ExportReadOptions { OnInvalidRow = onInvalidRow }, sourceName);

    /// <summary>Reads a CSV as <paramref name="table"/>, reporting to the callbacks of <paramref name="options"/>; the stream is left open.</summary>
    public static IEnumerable<MqaExportRow> ReadRows(Stream csv, ExportTable table, ExportReadOptions options, string sourceName = "CSV stream") =>
        ReadOpenCsv(csv, sourceName, $"'{sourceName}'", options with { Table = table }, inArchive: false);

    /// <summary>Reads a zip or CSV export file; from a zip, every CSV of a known table in archive order, or only <paramref name="table"/>.</summary>
    public static IEnumerable<MqaExportRow> ReadFile(string path, ExportTable? table = null, Action<ExportFormatException>? onInvalidRow = null) =>
        ReadFile(path, new ExportReadOptions { Table = table, OnInvalidRow = onInvalidRow });

    public static IEnumerable<MqaExportRow> ReadFile(string path, ExportReadOptions options)
    {
        if (ExportFileKind.IsZip(path))
        {
            return ReadArchive(path, options);
        }

        string fileName = Path.GetFileName(path);
        return ReadCsv(() => File.OpenRead(path), fileName, $"'{fileName}'", options, inArchive: false);
    }

    /// <summary>The table a CSV holds, from its header row (the name breaks a tie); null when the header names none.</summary>
    public static ExportTable? IdentifyTable(Stream csv, string? fileName = null)
    {
        using ExportCsvReader reader = ExportCsvReader.Open(csv, fileName ?? "CSV stream");
        return ExportCatalog.Identify(reader.Headers, fileName)?.Table;
    }

    /// <summary>The table a file name names (see <see cref="ExportCatalog.FromFileName"/>): only a hint.</summary>
    public static ExportTable? InferTable(string fileName) => ExportCatalog.FromFileName(fileName)?.Table;

    /// <summary>Opens the stream on the first row and disposes it when the enumeration ends.</summary>
    /// <param name="sourceName">Names the CSV in errors, which also name the file the user gave.</param>
    /// <param name="where">Names the CSV in warnings, which name nothing else: <c>'export.zip' entry 'total_scores.csv'</c>.</param>
    internal static IEnumerable<MqaExportRow> ReadCsv(Func<Stream> openCsv, string sourceName, string where, ExportReadOptions options, bool inArchive)
    {
        using Stream stream = openCsv();
        foreach (MqaExportRow row in ReadOpenCsv(stream, sourceName, where, options, inArchive))
        {
            yield return row;
        }
    }

    private static IEnumerable<MqaExportRow> ReadOpenCsv(Stream stream, string sourceName, string where, ExportReadOptions options, bool inArchive)
    {
        using ExportCsvReader reader = ExportCsvReader.Open(stream, sourceName, where);
        if (Select(reader.Headers, sourceName, options, inArchive) is not ExportTableInfo table)
        {
            yield break;
        }

        foreach (MqaExportRow row in table.ReadRows(reader, options))
        {
            yield return row;
        }

        if (ExportRowCap.MayBeCapped(reader.DataRows))
        {
            options.OnWarning?.Invoke(ExportRowCap.Warning(reader.Where, table.Table, reader.DataRows));
        }
    }

    /// <summary>The table to read a CSV as, or null (after saying why) when it is to be skipped.</summary>
    internal static ExportTableInfo? Select(IReadOnlyList<string> headers, string sourceName, ExportReadOptions options, bool inArchive)
    {
        ExportTableInfo? found = ExportCatalog.Identify(headers, sourceName);
        if (options.Table is ExportTable wanted)
        {
            // A header that names no table is read as the user says; one that names another table is not.
            if (found is null || found.Table == wanted)
            {
                return ExportCatalog.Get(wanted);
            }

            if (inArchive || options.SkipOtherTables)
            {
                options.OnSkipped?.Invoke($"'{sourceName}' holds {found}, not {ExportCatalog.Get(wanted)}; skipped.");
                return null;
            }

            throw new ExportFormatException(
                $"'{sourceName}' holds {found} (its header has {Describe(found, headers)}), not {ExportCatalog.Get(wanted)}; read it without -Table, or with -Table {found}.");
        }

        if (found is not null)
        {
            return found;
        }

        if (inArchive)
        {
            options.OnSkipped?.Invoke($"'{sourceName}' holds no export table this release knows; skipped.");
            return null;
        }

        throw ExportFormatException.UnknownTable(sourceName);
    }

    private static string Describe(ExportTableInfo table, IReadOnlyList<string> headers) =>
        string.Join(", ", headers.Where(header => table.IdentifyingColumns.Contains(ExportCatalog.HeaderKey(header), StringComparer.Ordinal)));

    private static IEnumerable<MqaExportRow> ReadArchive(string path, ExportReadOptions options)
    {
        using ExportArchive archive = ExportArchive.Open(path);
        foreach (MqaExportRow row in archive.ReadRows(options))
        {
            yield return row;
        }
    }
}
