using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>A raw export zip, read in place: rows stream straight out of its entries, nothing is extracted.</summary>
public sealed class ExportArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly string _name;

    private ExportArchive(ZipArchive zip, string name)
    {
        _zip = zip;
        _name = name;
        Entries = zip.Entries
            .Where(entry => entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Select(entry => new ExportEntry(entry))
            .ToArray();
    }

    /// <summary>The archive's CSV files, in archive order. They can be read until the archive is disposed.</summary>
    public IReadOnlyList<ExportEntry> Entries { get; }

    public static ExportArchive Open(string path) => new(ZipFile.OpenRead(path), Path.GetFileName(path));

    /// <summary>
    /// The rows of <paramref name="table"/>, or without it the rows of every CSV of a known table in archive order.
    /// A CSV of a table this release does not know is left out rather than failing the others; see <see cref="Entries"/>.
    /// </summary>
    /// <exception cref="ExportFormatException">The archive holds no CSV of <paramref name="table"/>.</exception>
    public IEnumerable<MqaExportRow> ReadRows(ExportTable? table = null, Action<ExportFormatException>? onInvalidRow = null)
    {
        ExportEntry[] selected = Entries.Where(entry => table is null ? entry.Table is not null : entry.Table == table).ToArray();
        if (table is not null && selected.Length == 0)
        {
            string contents = Entries.Count == 0 ? "no CSV files" : string.Join(", ", Entries.Select(entry => entry.Name));
            throw new ExportFormatException($"'{_name}' holds no {table} table; it holds {contents}.");
        }

        return selected.SelectMany(entry => entry.ReadRows(onInvalidRow));
    }

    public void Dispose() => _zip.Dispose();
}
