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
        // Every file, wherever it sits: which table each holds is read from its header, not its name.
        Entries = zip.Entries
            .Where(entry => entry.Name.Length > 0)
            .Select(entry => new ExportEntry(entry, name))
            .ToArray();
    }

    /// <summary>The archive's CSV files, in archive order. They can be read until the archive is disposed.</summary>
    public IReadOnlyList<ExportEntry> Entries { get; }

    public static ExportArchive Open(string path) => new(ZipFile.OpenRead(path), Path.GetFileName(path));

    /// <summary>
    /// The rows of <paramref name="table"/>, or without it the rows of every entry of a known table, in archive order.
    /// An entry of a table this release does not know is left out rather than failing the others; see <see cref="Entries"/>.
    /// </summary>
    /// <exception cref="ExportFormatException">The archive holds no CSV of <paramref name="table"/>.</exception>
    public IEnumerable<MqaExportRow> ReadRows(ExportTable? table = null, Action<ExportFormatException>? onInvalidRow = null) =>
        ReadRows(new ExportReadOptions { Table = table, OnInvalidRow = onInvalidRow });

    internal IEnumerable<MqaExportRow> ReadRows(ExportReadOptions options)
    {
        ExportEntry[] selected = Entries.Where(entry => options.Table is null ? entry.Table is not null : entry.Table == options.Table).ToArray();
        if (options.Table is ExportTable wanted && selected.Length == 0)
        {
            string contents = Entries.Count == 0 ? "no files" : string.Join(", ", Entries.Select(entry => $"{entry.Name} ({entry.Table?.ToString() ?? (entry.IsEmpty ? "empty" : "no known table")})"));
            throw new ExportFormatException($"'{_name}' holds no {wanted} table; it holds {contents}.");
        }

        foreach (ExportEntry skipped in Entries.Where(entry => entry.Table is null))
        {
            options.OnSkipped?.Invoke(skipped.IsEmpty
                ? $"'{_name}' entry '{skipped.Name}' is empty; skipped."
                : $"'{_name}' entry '{skipped.Name}' holds no export table this release knows; skipped.");
        }

        return selected.SelectMany(entry => entry.ReadRows(options));
    }

    public void Dispose() => _zip.Dispose();
}
