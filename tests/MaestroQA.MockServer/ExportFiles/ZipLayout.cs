namespace MaestroQA.MockServer.ExportFiles;

/// <summary>One table's entry in a raw export's zip.</summary>
internal sealed record ZipEntry(string Name, IExportTable Table);

/// <summary>
/// Where each table sits in a raw export's zip (files.zipFolder, files.zipEntryNames). When the names do not name the
/// tables, the order does not follow the article either: a client has to read each CSV's header to know its table.
/// </summary>
internal static class ZipLayout
{
    /// <summary>The folder's own entry ("name/"), as zip tools write one, or null at the root.</summary>
    public static string? Folder(ExportJob job) => job.Files.ZipFolder ? DownloadFileNames.SafeName(job.Name) + "/" : null;

    public static IReadOnlyList<ZipEntry> Entries(ExportJob job)
    {
        var folder = Folder(job) ?? "";
        var names = job.Files.ZipEntryNames;
        var tables = names == ZipEntryNames.Table
            ? job.Tables
            : Shuffle.Apply(job.Tables, new StableHash(job.DataSeed).Add("zip entries").Value);
        return [.. tables.Select((table, index) => new ZipEntry(folder + names switch
        {
            ZipEntryNames.Numbered => $"{index + 1}.csv",
            ZipEntryNames.Parts => $"{DownloadFileNames.SafeName(job.Name)} - part {index + 1}.csv",
            _ => $"{table.Name}.csv",
        }, table))];
    }
}
