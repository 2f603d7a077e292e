using System;
using System.IO;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>Names a downloaded export after its id, keeping the storage file's table name so Import-MqaExport can tell the table.</summary>
public static class ExportFileNames
{
    public static string For(MqaExport export)
    {
        string stored = Uri.TryCreate(export.DataUrl, UriKind.Absolute, out Uri? url) ? Path.GetFileName(url.AbsolutePath) : string.Empty;
        string extension = Path.GetExtension(stored);
        if (extension.Length == 0)
        {
            extension = export.Kind == ExportKind.Raw && export.SingleFile is null ? ".zip" : ".csv";
        }

        string stem = Path.GetFileNameWithoutExtension(stored);
        string name = stem.Length == 0 || stem.Contains(export.ExportId) ? export.ExportId : $"{export.ExportId}_{stem}";
        char[] invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + extension;
    }
}
