using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using Sylvan.Data.Csv;

namespace MaestroQA.Client.Sync;

/// <summary>
/// Splits a downloaded export into one CSV per table, byte for byte as MaestroQA served it. Which table a CSV holds
/// is read from its header row, never from its name: zip entries may be numbered, foldered or named after the export.
/// </summary>
internal static class ExportSplitter
{
    /// <param name="onSkipped">Told of a zip entry that holds no table this release knows (it is not saved).</param>
    /// <returns>Each table and the work file that holds its bytes, closed and ready to commit; the caller disposes them.</returns>
    /// <exception cref="ExportFormatException">The file is not what the export's kind serves, or two entries hold one table.</exception>
    public static IReadOnlyList<(ExportTable Table, AtomicFile File)> Split(string downloaded, ExportKind kind, SyncFolder folder, Action<string> onSkipped)
    {
        byte[] head = ExportFileKind.ReadHead(downloaded, out int count);
        if (ExportFileKind.IsZip(head, count))
        {
            return kind == ExportKind.Raw
                ? SplitZip(downloaded, folder, onSkipped)
                : throw new ExportFormatException($"MaestroQA served a zip for a {kind} export, which is one CSV file.");
        }

        if (kind == ExportKind.Raw || ExportFileKind.IsErrorDocument(head, count))
        {
            throw new ExportFormatException($"MaestroQA served something other than the {(kind == ExportKind.Raw ? "zip" : "CSV file")} of a {kind} export (it starts '{Excerpt(head, count)}').");
        }

        ExportTable expected = ExportCatalog.Tables.First(info => info.Kind == kind).Table;
        ExportTable? found;
        using (FileStream csv = File.OpenRead(downloaded))
        {
            found = Identify(csv);
        }

        if (found != expected)
        {
            string holds = found is ExportTable other ? $"holds {ExportCatalog.Get(other)}" : "has a header that names no table this release knows";
            throw new ExportFormatException($"The {kind} export's file {holds}, not {ExportCatalog.Get(expected)}.");
        }

        // The download is whole and in the work folder already: renamed, not copied.
        return [(expected, AtomicFile.Adopt(downloaded, folder.WorkFolder, ExportCatalog.Get(expected).FileStem))];
    }

    private static IReadOnlyList<(ExportTable, AtomicFile)> SplitZip(string zipPath, SyncFolder folder, Action<string> onSkipped)
    {
        var files = new List<(ExportTable Table, AtomicFile File)>();
        try
        {
            using ZipArchive zip = ZipFile.OpenRead(zipPath);
            foreach (ZipArchiveEntry entry in zip.Entries.Where(entry => entry.Name.Length > 0))
            {
                ExportTable? table;
                using (Stream header = entry.Open())
                {
                    table = Identify(header);
                }

                if (table is not ExportTable known)
                {
                    onSkipped($"The export's zip entry '{entry.FullName}' holds no table this release knows; it was not saved.");
                    continue;
                }

                if (files.Any(file => file.Table == known))
                {
                    throw new ExportFormatException($"The export's zip holds {ExportCatalog.Get(known)} twice (the second is '{entry.FullName}'); which one to keep cannot be told.");
                }

                files.Add((known, Copy(entry.Open, known, folder)));
            }

            return files;
        }
        catch
        {
            files.ForEach(file => file.File.Dispose());
            throw;
        }
    }

    /// <summary>A table's bytes, as served, in a work file of their own.</summary>
    private static AtomicFile Copy(Func<Stream> open, ExportTable table, SyncFolder folder)
    {
        AtomicFile file = AtomicFile.Create(folder.WorkFolder, ExportCatalog.Get(table).FileStem);
        try
        {
            using (Stream source = open())
            {
                source.CopyTo(file.Stream);
            }

            file.Close();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The table the header names, by its columns alone; null when none, or when it is not a CSV at all.</summary>
    private static ExportTable? Identify(Stream csv)
    {
        try
        {
            return ExportReader.IdentifyTable(csv, fileName: null);
        }
        catch (Exception ex) when (ex is ExportFormatException or CsvFormatException or InvalidDataException)
        {
            return null;
        }
    }

    private static string Excerpt(byte[] head, int count) =>
        new(System.Text.Encoding.UTF8.GetString(head, 0, Math.Min(count, 40)).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
