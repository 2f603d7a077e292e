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
            string name = entry.FullName.Replace('\\', '/');
            string? target = TargetInside(rootWithSeparator, name)
                ?? throw new ExportFormatException($"The zip '{zipPath}' holds an entry '{entry.FullName}' that would be written outside '{root}'; nothing was extracted.");
            if (!name.EndsWith("/", StringComparison.Ordinal))
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

    /// <summary>
    /// Where <paramref name="name"/> (backslashes already made slashes) lands under <paramref name="rootWithSeparator"/>, or null when
    /// outside it. A backslash is a separator on every system, as on Windows, so one zip is judged alike everywhere
    /// ("a\..\..\x.csv" climbs out; "sub\x.csv" lands in sub). Rooted, drive and UNC names, and any colon (a drive, or an
    /// NTFS stream), are refused outright. The root ends with a separator, which keeps a sibling such as "out-evil" out of "out".
    /// </summary>
    private static string? TargetInside(string rootWithSeparator, string name)
    {
        if (name.StartsWith("/", StringComparison.Ordinal) || name.IndexOf(':') >= 0)
        {
            return null;
        }

        string target = Path.GetFullPath(Path.Combine(rootWithSeparator, name));
        return target.StartsWith(rootWithSeparator, StringComparison.Ordinal) ? target : null;
    }
}
