using System;
using System.Collections.Generic;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Polling;

/// <summary>An export waiting for a status check: when it was requested and when it is next due.</summary>
internal readonly record struct PollCandidate(DateTime RequestedAt, DateTime DueAt);

/// <summary>
/// When exports are checked, for one wait or for many: an export is first checked <see cref="PollInterval"/> after
/// its request, then again after half its age (so a short export is seen soon, a long one costs few checks), never
/// sooner than PollInterval nor later than <see cref="MaxPollInterval"/>, and given up after <see cref="Timeout"/>.
/// </summary>
public sealed record PollSchedule
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause between two checks of one export, unless PollInterval is longer.</summary>
    public static readonly TimeSpan DefaultMaxPollInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public static PollSchedule Default { get; } = new();

    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;

    public TimeSpan MaxPollInterval { get; init; } = DefaultMaxPollInterval;

    /// <summary>How long one export may take to complete, from when the wait for it began.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>A schedule from what users set: the pauses grow to 30 s, or to the first pause when that is longer.</summary>
    public static PollSchedule For(TimeSpan pollInterval, TimeSpan timeout) => new()
    {
        PollInterval = pollInterval,
        MaxPollInterval = pollInterval > DefaultMaxPollInterval ? pollInterval : DefaultMaxPollInterval,
        Timeout = timeout,
    };

    /// <summary>The pause before the next check of an export this old: half its age, within [PollInterval, MaxPollInterval].</summary>
    public TimeSpan IntervalAt(TimeSpan age) =>
        TimeSpan.FromTicks(Math.Min(MaxPollInterval.Ticks, Math.Max(PollInterval.Ticks, age.Ticks / 2)));

    /// <summary>The least time between two checks: the easy limit's minute spread evenly (never above its per-second rate).</summary>
    internal static TimeSpan Spacing(RateLimitPolicy easyLimit) =>
        TimeSpan.FromTicks(Math.Max(easyLimit.MinuteWindow.Ticks / easyLimit.PerMinute, easyLimit.SecondWindow.Ticks / easyLimit.PerSecond));

    /// <summary>
    /// The candidate to check next (the oldest that is due, else the one due first) and how long to wait before checking
    /// it; null when there is none. Exports tend to finish in the order they were asked for.
    /// </summary>
    internal static (int Index, TimeSpan Wait)? Next(IReadOnlyList<PollCandidate> candidates, DateTime now, TimeSpan sinceLastCheck, TimeSpan spacing)
    {
        int best = -1;
        bool bestDue = false;
        for (int i = 0; i < candidates.Count; i++)
        {
            bool due = candidates[i].DueAt <= now;
            bool better = best < 0
                || (due && !bestDue)
                || (due && bestDue && candidates[i].RequestedAt < candidates[best].RequestedAt)
                || (!due && !bestDue && candidates[i].DueAt < candidates[best].DueAt);
            if (better)
            {
                best = i;
                bestDue = due;
            }
        }

        if (best < 0)
        {
            return null;
        }

        TimeSpan untilDue = candidates[best].DueAt > now ? candidates[best].DueAt - now : TimeSpan.Zero;
        TimeSpan untilSpaced = sinceLastCheck >= spacing ? TimeSpan.Zero : spacing - sinceLastCheck;
        return (best, untilDue > untilSpaced ? untilDue : untilSpaced);
    }
}
