using System;
using System.Collections.Generic;
using System.IO.Compression;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>A CSV file inside an <see cref="ExportArchive"/>.</summary>
public sealed class ExportEntry
{
    private readonly ZipArchiveEntry _entry;

    internal ExportEntry(ZipArchiveEntry entry)
    {
        _entry = entry;
        Table = ExportReader.InferTable(entry.FullName);
    }

    /// <summary>The path inside the archive.</summary>
    public string Name => _entry.FullName;

    /// <summary>The table inferred from <see cref="Name"/>; null when it matches no table.</summary>
    public ExportTable? Table { get; }

    /// <summary>Streams the rows out of the archive as they are enumerated.</summary>
    /// <exception cref="ExportFormatException"><see cref="Table"/> is null.</exception>
    public IEnumerable<MqaExportRow> ReadRows(Action<ExportFormatException>? onInvalidRow = null) =>
        ReadRows(Table ?? throw ExportFormatException.UnknownTable(Name), onInvalidRow);

    /// <summary>Streams the rows out of the archive as <paramref name="table"/>, whatever <see cref="Name"/> says.</summary>
    public IEnumerable<MqaExportRow> ReadRows(ExportTable table, Action<ExportFormatException>? onInvalidRow = null) =>
        ExportReader.ReadRows(_entry.Open, table, Name, onInvalidRow);
}
