using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Unzips an export, checking every entry before writing any: none may land outside the target folder (zip slip),
/// none may overwrite a file unless asked, and the whole may not expand to an absurd size (a zip bomb).
/// </summary>
public static class SafeZipExtractor
{
    /// <summary>More than any export: MaestroQA caps one at some 50,000 scores, a few tens of megabytes of CSV.</summary>
    public const long MaxExpandedBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>CSV compresses some 5-15 times; a thousand times is a bomb, not an export.</summary>
    public const double MaxCompressionRatio = 1000;

    public static IReadOnlyList<string> Extract(string zipPath, string destinationFolder, bool overwrite) =>
        Extract(zipPath, destinationFolder, overwrite, MaxExpandedBytes, MaxCompressionRatio);

    internal static IReadOnlyList<string> Extract(string zipPath, string destinationFolder, bool overwrite, long maxExpandedBytes, double maxCompressionRatio)
    {
        string root = Path.GetFullPath(destinationFolder);
        string rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
        using ZipArchive archive = ZipFile.OpenRead(zipPath);

        var targets = new List<(ZipArchiveEntry Entry, string Path)>();
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            string target = Path.GetFullPath(Path.Combine(root, entry.FullName));
            if (!target.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            {
                throw new ExportFormatException($"The zip '{zipPath}' holds an entry '{entry.FullName}' that would be written outside '{root}'; nothing was extracted.");
            }

            if (entry.Name.Length > 0)
            {
                targets.Add((entry, target));
            }
        }

        long expanded = targets.Sum(target => target.Entry.Length);
        long compressed = Math.Max(1, targets.Sum(target => target.Entry.CompressedLength));
        if (expanded > maxExpandedBytes || (double)expanded / compressed > maxCompressionRatio)
        {
            throw new ExportFormatException(
                $"The zip '{zipPath}' would expand to {expanded:N0} bytes from {compressed:N0} ({(double)expanded / compressed:N0} times): no MaestroQA export does; nothing was extracted.");
        }

        string[] existing = overwrite ? [] : targets.Select(target => target.Path).Where(File.Exists).ToArray();
        if (existing.Length > 0)
        {
            throw new ExportFileException(existing[0], $"{existing.Length} of the zip's files exist already ({string.Join(", ", existing.Take(3).Select(Path.GetFileName))}{(existing.Length > 3 ? ", ..." : string.Empty)} in '{root}'); use -Force to overwrite them. Nothing was extracted.", exists: true);
        }

        var written = new List<string>();
        foreach ((ZipArchiveEntry entry, string target) in targets)
        {
            WriteEntry(entry, target);
            written.Add(target);
        }

        return written;
    }

    // The entry's own header says how long it is; a stream that goes on past that is a lie, and stops here.
    private static void WriteEntry(ZipArchiveEntry entry, string target)
    {
        bool complete = false;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using Stream source = entry.Open();
            using var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > entry.Length)
                {
                    throw new ExportFormatException($"The zip entry '{entry.FullName}' holds more than the {entry.Length:N0} bytes it declares; extraction stopped.");
                }

                file.Write(buffer, 0, read);
            }

            complete = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not ExportFileException)
        {
            throw new ExportFileException(target, $"Cannot write '{target}': {ex.Message}", innerException: ex);
        }
        finally
        {
            if (!complete && File.Exists(target))
            {
                File.Delete(target);
            }
        }
    }
}
