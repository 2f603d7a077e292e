using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>Unzips an export, refusing any entry that would land outside the target folder (zip slip).</summary>
public static class SafeZipExtractor
{
    public static IReadOnlyList<string> Extract(string zipPath, string destinationFolder, bool overwrite)
    {
        string root = Path.GetFullPath(destinationFolder);
        string rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
        using ZipArchive archive = ZipFile.OpenRead(zipPath);

        // Check every entry before writing any, so a hostile zip leaves nothing behind.
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

        var written = new List<string>();
        foreach ((ZipArchiveEntry entry, string target) in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite);
            written.Add(target);
        }

        return written;
    }
}
