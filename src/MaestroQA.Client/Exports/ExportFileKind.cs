using System;
using System.IO;
using System.Text;

namespace MaestroQA.Client.Exports;

/// <summary>What an export file is, from its first bytes: names and Content-Type can be anything, the bytes cannot.</summary>
public static class ExportFileKind
{
    /// <summary>How many bytes the checks here look at.</summary>
    public const int HeadLength = 512;

    /// <summary>A zip starts with a local file header (PK 3 4), or, when empty, the end of its central directory (PK 5 6).</summary>
    public static bool IsZip(byte[] head, int count) =>
        count >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));

    public static bool IsZip(string path)
    {
        byte[] head = ReadHead(path, out int count);
        return IsZip(head, count);
    }

    /// <summary>
    /// An error page or error body where a file was promised: HTML or XML (a storage service's error document) or a JSON
    /// object. No export CSV starts with '&lt;' or '{': its first line is a header of column names.
    /// </summary>
    public static bool IsErrorDocument(byte[] head, int count)
    {
        string text = Encoding.UTF8.GetString(head, 0, count).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<", StringComparison.Ordinal) || text.StartsWith("{", StringComparison.Ordinal);
    }

    public static byte[] ReadHead(string path, out int count)
    {
        var head = new byte[HeadLength];
        using FileStream file = File.OpenRead(path);
        count = 0;
        int read;
        while (count < head.Length && (read = file.Read(head, count, head.Length - count)) > 0)
        {
            count += read;
        }

        return head;
    }
}
