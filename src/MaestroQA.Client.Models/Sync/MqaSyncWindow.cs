using System;

namespace MaestroQA.Client.Models;

/// <summary>
/// One window Sync-MqaExport completed: its export's files are in place and the sync state records it. A groups
/// snapshot has no range: its From and To are both when it was requested.
/// </summary>
public sealed record MqaSyncWindow
{
    public MqaSyncWindow(ExportKind kind, DateTime from, DateTime to, string exportId)
    {
        Kind = kind;
        From = from;
        To = to;
        ExportId = exportId;
    }

    public ExportKind Kind { get; }

    /// <summary>UTC, inclusive.</summary>
    public DateTime From { get; }

    /// <summary>UTC, exclusive: the next window starts here.</summary>
    public DateTime To { get; }

    public string ExportId { get; }

    /// <summary>The full paths of the files written, one per table; empty when MaestroQA had no data for the window.</summary>
    public string[] Files { get; init; } = [];

    public long Bytes { get; init; }

    /// <summary>From the export's request to its files being in place (across runs, for a window a run resumed).</summary>
    public TimeSpan Duration { get; init; }

    public override string ToString() => $"{Kind} {From:u} to {To:u} ({ExportId}, {Files.Length} file(s))";
}
