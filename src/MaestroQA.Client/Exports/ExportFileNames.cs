using System.IO;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// The names of saved export files, from what the module knows, never from the storage URL (whose file name nobody
/// knows: it may be opaque, a UUID or the export's own name): <c>&lt;exportId&gt;.zip</c> for a raw export's zip and
/// <c>&lt;exportId&gt;.&lt;table&gt;.csv</c> for a CSV, so Import-MqaExport and people can tell what each holds.
/// </summary>
public static class ExportFileNames
{
    /// <summary>The name the export's kind promises; null when the kind is unknown (an export known only by its id).</summary>
    public static string? Expected(MqaExport export) => export.Kind switch
    {
        ExportKind.Raw when export.SingleFile is null => For(export.ExportId, isZip: true, table: null),
        ExportKind.Raw => For(export.ExportId, isZip: false, export.SingleFile),
        ExportKind.Groups => For(export.ExportId, isZip: false, ExportTable.AgentGroups),
        ExportKind.AuditLog => For(export.ExportId, isZip: false, ExportTable.AuditLog),
        _ => null,
    };

    /// <summary>The name for what a file turned out to hold: a zip, or a CSV of <paramref name="table"/> (if known).</summary>
    public static string For(string exportId, bool isZip, ExportTable? table)
    {
        string id = new(exportId.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' or ':' ? '_' : c).ToArray());
        return isZip ? $"{id}.zip" : table is ExportTable known ? $"{id}.{ExportCatalog.Get(known).FileStem}.csv" : $"{id}.csv";
    }

    /// <summary>The table a CSV of this export holds, as its kind says; null for a zip or an unknown kind.</summary>
    internal static ExportTable? TableOf(MqaExport export) => export.Kind switch
    {
        ExportKind.Raw => export.SingleFile,
        ExportKind.Groups => ExportTable.AgentGroups,
        ExportKind.AuditLog => ExportTable.AuditLog,
        _ => null,
    };
}
