using System.Text;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Exports;

namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>
/// The files the fake server serves: a raw export is a zip of its five tables, the audit log and groups exports one
/// CSV each. Every table has its real header row (the splitter tells tables by it) and rows that name the export, so a
/// file in the folder shows which window it came from.
/// </summary>
internal static class FakeExportFiles
{
    public const string ErrorPage = "<!DOCTYPE html><html><head><title>Access Denied</title></head><body>Request has expired</body></html>";

    public const int DefaultRows = 3;

    /// <summary>The bytes of the export named <paramref name="exportName"/>, of <paramref name="kind"/>.</summary>
    public static byte[] For(ExportKind kind, string exportName, int rows = DefaultRows)
    {
        ExportTableInfo[] tables = ExportCatalog.Tables.Where(table => table.Kind == kind).ToArray();
        if (kind != ExportKind.Raw)
        {
            return Encoding.UTF8.GetBytes(Csv(tables.Single().Table, exportName, rows));
        }

        using var zip = new MemoryStream();
        TempDirectory.WriteZip(zip, tables.Select(table => ($"{exportName}/{table.FileStem}.csv", Csv(table.Table, exportName, rows))).ToArray());
        return zip.ToArray();
    }

    /// <summary>One table's CSV, as it lands in the folder: the header row, then a few rows.</summary>
    public static string Csv(ExportTable table, string exportName, int rows = DefaultRows)
    {
        IReadOnlyList<string> columns = ExportCatalog.Get(table).Columns;
        var csv = new StringBuilder().Append(string.Join(",", columns)).Append("\r\n");
        for (int row = 1; row <= rows; row++)
        {
            csv.Append(string.Join(",", columns.Select((_, column) => $"{exportName} r{row}c{column}"))).Append("\r\n");
        }

        return csv.ToString();
    }
}
