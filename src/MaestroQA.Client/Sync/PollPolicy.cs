using System;
using System.Collections.Generic;
using System.Linq;

namespace MaestroQA.Client.Sync;

/// <summary>An export waiting for a status check: when it was requested and when it is next due.</summary>
internal readonly record struct PollCandidate(DateTime RequestedAt, DateTime DueAt);

/// <summary>
/// Which export the next status check goes to, and when: <see cref="ExportStatusPoller"/>'s rules, kept pure so a
/// fake clock can replay a whole backfill against them.
/// </summary>
internal static class PollPolicy
{
    /// <summary>Half the export's age, within [first, max]: short exports are seen soon, long ones cost little.</summary>
    public static TimeSpan Interval(TimeSpan age, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromTicks(Math.Min(max.Ticks, Math.Max(first.Ticks, age.Ticks / 2)));

    /// <summary>The least time between two checks: the easy limit's minute spread evenly (never above its per-second rate).</summary>
    public static TimeSpan Spacing(Models.RateLimitPolicy easyLimit) =>
        TimeSpan.FromTicks(Math.Max(easyLimit.MinuteWindow.Ticks / easyLimit.PerMinute, easyLimit.SecondWindow.Ticks / easyLimit.PerSecond));

    /// <summary>
    /// The candidate to check next (the oldest that is due, else the one due first) and how long to wait before checking
    /// it; null when there is none.
    /// </summary>
    public static (int Index, TimeSpan Wait)? Next(IReadOnlyList<PollCandidate> candidates, DateTime now, TimeSpan sinceLastCheck, TimeSpan spacing)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        int[] due = Enumerable.Range(0, candidates.Count).Where(i => candidates[i].DueAt <= now).ToArray();
        int index = due.Length > 0
            ? due.OrderBy(i => candidates[i].RequestedAt).First()
            : Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i].DueAt).First();
        TimeSpan untilDue = candidates[index].DueAt > now ? candidates[index].DueAt - now : TimeSpan.Zero;
        TimeSpan untilSpaced = sinceLastCheck >= spacing ? TimeSpan.Zero : spacing - sinceLastCheck;
        return (index, untilDue > untilSpaced ? untilDue : untilSpaced);
    }
}
