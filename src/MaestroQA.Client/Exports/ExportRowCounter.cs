using System.IO;

namespace MaestroQA.Client.Exports;

/// <summary>Counts a CSV's rows as the readers would read them, without making values: for CSVs copied byte for byte.</summary>
public static class ExportRowCounter
{
    /// <summary>
    /// The data rows of a CSV: its records after the header, blank lines left out, a line break inside a quoted cell
    /// no new row, quoting followed as <see cref="ExportReader"/> follows it. UTF-8, with or without a byte order mark.
    /// The stream is read to its end and left open.
    /// </summary>
    public static long CountDataRows(Stream csv)
    {
        using LimitedCsvText text = LimitedCsvText.Open(csv);
        text.ScanToEnd();
        return text.Scanner.DataRows;
    }
}
