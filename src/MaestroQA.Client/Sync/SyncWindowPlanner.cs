using System;
using System.Collections.Generic;

namespace MaestroQA.Client.Sync;

/// <summary>A half-open UTC range [From, To).</summary>
public readonly record struct SyncRange(DateTime From, DateTime To)
{
    public override string ToString() => SyncNames.Span(From, To);
}

/// <summary>
/// Cuts a range into windows on a fixed grid: boundaries at <see cref="Epoch"/> plus whole multiples of ChunkDays,
/// so any run cuts the same windows whatever day it starts. A window never crosses a boundary; only the first (from
/// where the sync stands) and the last (up to the end) may be shorter than ChunkDays.
/// </summary>
public static class SyncWindowPlanner
{
    /// <summary>
    /// Monday 2001-01-01 00:00 UTC: with 7-day windows the boundaries are ISO week starts (Monday midnight UTC), with
    /// 1-day windows UTC midnights, and any other length still lands on a fixed, documented grid.
    /// </summary>
    public static readonly DateTime Epoch = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first grid boundary strictly after <paramref name="instant"/>.</summary>
    public static DateTime BoundaryAfter(DateTime instant, int chunkDays)
    {
        long chunk = TimeSpan.TicksPerDay * CheckedChunk(chunkDays);
        long offset = instant.Ticks - Epoch.Ticks;
        long index = offset >= 0 ? offset / chunk : -((-offset + chunk - 1) / chunk); // floor, before the epoch too
        return new DateTime(Epoch.Ticks + ((index + 1) * chunk), DateTimeKind.Utc);
    }

    /// <summary>The windows that cover [from, to) exactly, in order; none when to is not after from.</summary>
    public static IReadOnlyList<SyncRange> Cut(DateTime from, DateTime to, int chunkDays)
    {
        CheckedChunk(chunkDays);
        var windows = new List<SyncRange>();
        for (DateTime start = Utc(from); start < Utc(to);)
        {
            DateTime boundary = BoundaryAfter(start, chunkDays);
            DateTime end = boundary < Utc(to) ? boundary : Utc(to);
            windows.Add(new SyncRange(start, end));
            start = end;
        }

        return windows;
    }

    private static int CheckedChunk(int chunkDays) =>
        chunkDays >= 1 ? chunkDays : throw new ArgumentOutOfRangeException(nameof(chunkDays), chunkDays, "A window is at least one day long.");

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException($"{value:o} is not UTC.");
}
