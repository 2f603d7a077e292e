using System.IO;
using MaestroQA.Client.Models;
using static System.FormattableString;

namespace MaestroQA.Client.Exports;

/// <summary>
/// The API documentation's only word on how much one export holds: "You can expect to export 10,000 to 50,000 scores at
/// time". Whether an export past that is cut short without a word is unknown, so a table that long is told to the user.
/// </summary>
public static class ExportRowCap
{
    /// <summary>The fewest rows an export may have been cut to: the low end of the documented range.</summary>
    public const int WarningThreshold = 10_000;

    /// <summary>Whether a table of <paramref name="rows"/> rows may be an export cut at its cap.</summary>
    public static bool MayBeCapped(long rows) => rows >= WarningThreshold;

    /// <summary>The warning for a table that <see cref="MayBeCapped"/>.</summary>
    /// <param name="where">What holds it: <c>'total_scores.csv'</c>, <c>'id_1234.zip' entry 'csat.csv'</c>, or a sync's window.</param>
    public static string Warning(string where, ExportTable table, long rows) =>
        Invariant($"{where} holds {rows:N0} rows of {ExportCatalog.Get(table)}, so it may be cut short: MaestroQA documents that one export holds \"10,000 to 50,000 scores\", and not whether it drops the rest of a larger one without a word. If the export covers a date range, request smaller windows (-ChunkDays of Invoke-MqaRawExport or Sync-MqaExport) until each holds fewer than {WarningThreshold:N0} rows.");

    /// <summary>
    /// The warning for a CSV file of a table the readers know (told by its header, as they tell it) that may be cut at the
    /// cap; null for any other file, one that is no CSV of a known table included.
    /// </summary>
    public static string? WarningForCsvFile(string path, string where)
    {
        ExportTable? table;
        using (FileStream header = File.OpenRead(path))
        {
            try
            {
                table = ExportReader.IdentifyTable(header, Path.GetFileName(path));
            }
            catch (ExportFormatException)
            {
                return null;
            }
        }

        if (table is not ExportTable known)
        {
            return null;
        }

        using FileStream csv = File.OpenRead(path);
        return WarningFor(csv, known, where);
    }

    /// <summary>The warning for a CSV of <paramref name="table"/>, its rows counted as the readers count them; null when it is shorter than the cap.</summary>
    public static string? WarningFor(Stream csv, ExportTable table, string where)
    {
        long rows = ExportRowCounter.CountDataRows(csv);
        return MayBeCapped(rows) ? Warning(where, table, rows) : null;
    }
}
