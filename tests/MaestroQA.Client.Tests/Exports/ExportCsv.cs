using System.Text;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>Turns a CSV written in a test into the bytes of an export file and reads it back.</summary>
internal static class ExportCsv
{
    public const string SourceName = "test.csv";

    public static MemoryStream Encode(string csv, bool withBom = false) =>
        new([.. withBom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(csv)]);

    /// <summary>Every line break, including those inside quoted cells, becomes <paramref name="newLine"/>.</summary>
    public static List<TRow> Read<TRow>(string csv, ExportTable table, bool withBom = false, string newLine = "\n") =>
        ExportReader.ReadRows(Encode(csv.ReplaceLineEndings(newLine), withBom), table, SourceName).Cast<TRow>().ToList();

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int millisecond = 0) =>
        new(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc);
}
