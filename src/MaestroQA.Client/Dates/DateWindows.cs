using System;
using System.Collections.Generic;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Dates;

/// <summary>A half-open UTC range [From, To): one export's, or one request's, share of a longer range.</summary>
public readonly record struct DateWindow(DateTime From, DateTime To)
{
    public override string ToString() => $"{From:u} to {To:u}";
}

/// <summary>Where windows start: the cut's one difference between the cmdlets that cut ranges.</summary>
public enum WindowAlignment
{
    /// <summary>
    /// Consecutive windows from the start of the range (Invoke-MqaRawExport -ChunkDays, Get-MqaCoachingSession): what
    /// a one-off request wants, the first window whole.
    /// </summary>
    FromStart,

    /// <summary>
    /// Windows on a fixed grid from <see cref="DateWindows.GridEpoch"/> (Sync-MqaExport): any run cuts the same windows
    /// whatever day it starts, so a redone window lands on the same files; only the first and last may be shorter.
    /// </summary>
    Grid,
}

/// <summary>The one cutter of a date range into windows of whole days.</summary>
public static class DateWindows
{
    public const int MinChunkDays = 1;

    /// <summary>Ten years: longer than any range an export or a sync is asked for.</summary>
    public const int MaxChunkDays = 3660;

    /// <summary>
    /// Monday 2001-01-01 00:00 UTC: with 7-day windows the grid's boundaries are ISO week starts (Monday midnight UTC),
    /// with 1-day windows UTC midnights, and any other length still lands on a fixed, documented grid.
    /// </summary>
    public static readonly DateTime GridEpoch = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The windows that cover [<paramref name="from"/>, <paramref name="to"/>) exactly, in order; none when to is not after from.</summary>
    /// <exception cref="MaestroQAInputException">InvalidChunkDays: <paramref name="chunkDays"/> is outside [1, 3660].</exception>
    public static IReadOnlyList<DateWindow> Cut(DateTime from, DateTime to, int chunkDays, WindowAlignment alignment)
    {
        long chunk = CheckedChunk(chunkDays) * TimeSpan.TicksPerDay;
        var windows = new List<DateWindow>();
        for (DateTime start = Utc(from); start < Utc(to);)
        {
            // Compared before adding, so an end near DateTime.MaxValue cannot overflow.
            long boundary = alignment == WindowAlignment.Grid ? GridBoundaryAfter(start.Ticks, chunk) : start.Ticks + Math.Min(chunk, to.Ticks - start.Ticks);
            DateTime end = boundary < to.Ticks ? new DateTime(boundary, DateTimeKind.Utc) : Utc(to);
            windows.Add(new DateWindow(start, end));
            start = end;
        }

        return windows;
    }

    /// <summary>The first grid boundary strictly after <paramref name="instant"/> (or DateTime.MaxValue's ticks, past which there is none).</summary>
    public static DateTime GridBoundaryAfter(DateTime instant, int chunkDays) =>
        new(GridBoundaryAfter(Utc(instant).Ticks, CheckedChunk(chunkDays) * TimeSpan.TicksPerDay), DateTimeKind.Utc);

    private static long GridBoundaryAfter(long ticks, long chunk)
    {
        long offset = ticks - GridEpoch.Ticks;
        long index = offset >= 0 ? offset / chunk : -((-offset + chunk - 1) / chunk); // floor, before the epoch too
        long boundary = GridEpoch.Ticks + ((index + 1) * chunk);
        return boundary > DateTime.MaxValue.Ticks || boundary < ticks ? DateTime.MaxValue.Ticks : boundary;
    }

    private static int CheckedChunk(int chunkDays) =>
        chunkDays is >= MinChunkDays and <= MaxChunkDays
            ? chunkDays
            : throw new MaestroQAInputException(
                InputProblem.InvalidChunkDays,
                $"-ChunkDays must be from {MinChunkDays} to {MaxChunkDays}; got {chunkDays}.",
                "ChunkDays",
                chunkDays);

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException($"{value:o} is not UTC.", nameof(value));
}
