using System;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>One window of a run: requested already (<see cref="Export"/> is set), or to be requested.</summary>
public sealed class SyncJob
{
    internal SyncJob(ExportKind kind, DateTime from, DateTime to, SyncWindowState? export)
    {
        Kind = kind;
        From = from;
        To = to;
        Export = export;
    }

    public ExportKind Kind { get; }

    /// <summary>UTC. For a groups snapshot not yet requested, both bounds are set when it is.</summary>
    public DateTime From { get; internal set; }

    public DateTime To { get; internal set; }

    /// <summary>The export a run requested for this window and the state records; null until then.</summary>
    public SyncWindowState? Export { get; internal set; }

    public bool IsSnapshot => Kind == ExportKind.Groups;

    public override string ToString() => IsSnapshot
        ? Export is null ? "Groups snapshot (not yet requested)" : $"Groups snapshot {From:u}"
        : $"{Kind} {From:u} to {To:u}";
}
