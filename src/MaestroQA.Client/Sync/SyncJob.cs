using System;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>The export a window was requested as: what a later run polls instead of asking again.</summary>
public readonly record struct PendingExport(string ExportId, DateTime RequestedAt);

/// <summary>
/// One window of a run: to be requested (<see cref="Pending"/> null), or requested already. Immutable: requesting a
/// window makes a new job. A groups snapshot has no range until it is requested: its window is then (taken, taken).
/// </summary>
public sealed record SyncJob(ExportKind Kind, DateWindow Window, PendingExport? Pending = null)
{
    /// <summary>Recorded empty by an earlier run, and asked for again (-RedoEmptyWindows).</summary>
    public bool RedoesEmpty { get; init; }

    public bool IsSnapshot => Kind == ExportKind.Groups;

    public DateTime From => Window.From;

    public DateTime To => Window.To;

    public override string ToString() => IsSnapshot
        ? Pending is null ? "Groups snapshot (not yet requested)" : $"Groups snapshot {From:u}"
        : $"{Kind} {From:u} to {To:u}";
}
