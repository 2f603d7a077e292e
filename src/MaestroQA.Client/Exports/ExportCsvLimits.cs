namespace MaestroQA.Client.Exports;

/// <summary>
/// How long a cell and a row of an export CSV may be, in characters as written (quotes included). A cell or row that is
/// longer costs its row only: the row is reported as unreadable and the rows after it are read. Real exports stay far
/// below: their longest cells are comments of a few thousand characters.
/// </summary>
public static class ExportCsvLimits
{
    /// <summary>8 Mi characters: 8 MB of plain text.</summary>
    public const int MaxCellLength = 8 * 1024 * 1024;

    /// <summary>16 Mi characters, all of a row's cells together.</summary>
    public const int MaxRowLength = 16 * 1024 * 1024;
}
