using System;
using System.Collections.Generic;
using System.IO.Compression;
using Sylvan.Data.Csv;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>A file inside an <see cref="ExportArchive"/>, wherever it sits in the zip.</summary>
public sealed class ExportEntry
{
    private readonly ZipArchiveEntry _entry;
    private readonly string _archiveName;
    private readonly Lazy<(ExportTableInfo? Table, bool IsEmpty)> _header;

    internal ExportEntry(ZipArchiveEntry entry, string archiveName)
    {
        _entry = entry;
        _archiveName = archiveName;
        _header = new Lazy<(ExportTableInfo?, bool)>(Identify);
    }

    /// <summary>The path inside the archive.</summary>
    public string Name => _entry.FullName;

    /// <summary>The table its header row holds (the name breaks a tie); null when it holds none this release knows.</summary>
    public ExportTable? Table => _header.Value.Table?.Table;

    /// <summary>Whether the entry holds nothing at all, not even a header row.</summary>
    internal bool IsEmpty => _header.Value.IsEmpty;

    /// <summary>Streams the rows out of the archive as they are enumerated.</summary>
    /// <exception cref="ExportFormatException">The entry holds no table this release knows.</exception>
    public IEnumerable<MqaExportRow> ReadRows(Action<ExportFormatException>? onInvalidRow = null) =>
        ReadRows(new ExportReadOptions { OnInvalidRow = onInvalidRow });

    /// <summary>Streams the rows out of the archive as <paramref name="table"/>; a header of another table is an error.</summary>
    public IEnumerable<MqaExportRow> ReadRows(ExportTable table, Action<ExportFormatException>? onInvalidRow = null) =>
        ReadRows(new ExportReadOptions { Table = table, OnInvalidRow = onInvalidRow });

    internal IEnumerable<MqaExportRow> ReadRows(ExportReadOptions options) =>
        ExportReader.ReadCsv(_entry.Open, Name, $"'{_archiveName}' entry '{Name}'", options, inArchive: false);

    // Reads the header only: a few kilobytes inflated, however large the entry.
    private (ExportTableInfo?, bool) Identify()
    {
        try
        {
            using System.IO.Stream stream = _entry.Open();
            using ExportCsvReader? reader = ExportCsvReader.OpenUnlessEmpty(stream, Name);
            return reader is null ? (null, true) : (ExportCatalog.Identify(reader.Headers, Name), false);
        }
        catch (Exception ex) when (ex is ExportFormatException or CsvFormatException or System.IO.InvalidDataException)
        {
            return (null, false); // not a CSV: not a table
        }
    }
}
