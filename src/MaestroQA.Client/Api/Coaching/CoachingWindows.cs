using System;
using System.Collections.Generic;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Dates;

namespace MaestroQA.Client.Api.Coaching;

/// <summary>
/// The whole UTC days the coaching export is asked for. Its own day boundaries are unknown (whether endDate is included,
/// and in which time zone a day runs), so the days asked run from the day before the range to the day after it, in
/// windows of at most <see cref="MaxDaysPerRequest"/> days, each starting on the day the one before ended: the windows
/// overlap by a day, which covers the range whether or not the API includes endDate. What lies outside the range, or
/// arrives twice, is dropped afterwards (<see cref="CoachingSessionFilter"/>).
/// </summary>
public static class CoachingWindows
{
    /// <summary>The most days from startDate to endDate the API takes (vendor article 6011874: "within 90 days").</summary>
    public const int MaxDaysPerRequest = 90;

    /// <summary>The days asked for on each side of the range.</summary>
    public const int PaddingDays = 1;

    /// <summary>The windows for [<paramref name="start"/>, <paramref name="end"/>): From and To are UTC midnights, sent as startDate and endDate.</summary>
    public static IReadOnlyList<DateWindow> For(DateTimeOffset start, DateTimeOffset end)
    {
        DateTime firstDay = start.UtcDateTime.Date;
        DateTime lastDay = end.UtcDateTime.Date;

        // At the ends of the calendar there is no day to pad with.
        firstDay = firstDay.Ticks >= PaddingDays * TimeSpan.TicksPerDay ? firstDay.AddDays(-PaddingDays) : firstDay;
        lastDay = DateTime.MaxValue.Date.Ticks - lastDay.Ticks >= PaddingDays * TimeSpan.TicksPerDay ? lastDay.AddDays(PaddingDays) : lastDay;
        return DateWindows.Cut(firstDay, lastDay, MaxDaysPerRequest, WindowAlignment.FromStart);
    }

    /// <summary>The last check before a window is sent: the API refuses a longer one, so a longer one is this module's bug.</summary>
    /// <exception cref="InvalidOperationException">The window spans more than <see cref="MaxDaysPerRequest"/> days.</exception>
    public static void EnsureWithinLimit(DateWindow days)
    {
        if (days.To - days.From > TimeSpan.FromDays(MaxDaysPerRequest))
        {
            throw new InvalidOperationException(
                $"The coaching window {Describe(days)} spans {(days.To - days.From).TotalDays:0.#} days, more than the {MaxDaysPerRequest} the API takes; it was not sent. This is a bug in the module.");
        }
    }

    /// <summary>"2024-01-01 to 2024-03-31": a window as the API is asked for it.</summary>
    public static string Describe(DateWindow days) => $"{ApiDateFormat.FormatDay(days.From)} to {ApiDateFormat.FormatDay(days.To)}";
}
