namespace MaestroQA.Client.Exports;

/// <summary>A cell, or a row, longer than its limit: what <see cref="CsvRecordScanner"/> cut, and where.</summary>
internal sealed class CsvOverflow
{
    public CsvOverflow(long record, bool isCell)
    {
        Record = record;
        IsCell = isCell;
    }

    /// <summary>The record it is in, counted from 0 (the header) as Sylvan counts them: blank lines too.</summary>
    public long Record { get; }

    /// <summary>A cell is too long, the last one Sylvan reads of the record; else only the row as a whole is.</summary>
    public bool IsCell { get; }

    /// <summary>How long the cell (or the row) is as written, once its end is reached; until then -1.</summary>
    public long Length { get; set; } = -1;

    /// <summary>The cell opens a quote that never closes: it runs to the end of the text.</summary>
    public bool Unclosed { get; set; }
}
