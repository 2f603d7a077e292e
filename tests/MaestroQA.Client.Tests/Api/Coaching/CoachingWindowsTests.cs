using MaestroQA.Client.Api.Coaching;
using MaestroQA.Client.Dates;

namespace MaestroQA.Client.Tests.Api.Coaching;

/// <summary>
/// The days the coaching export is asked for: from the day before the range to the day after it (UTC), in windows of at
/// most 90 days, each starting on the day the one before ended. The expected windows are written out, not computed.
/// </summary>
public sealed class CoachingWindowsTests
{
    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Days(IReadOnlyList<DateWindow> windows) => windows.Select(CoachingWindows.Describe).ToArray();

    [Fact]
    public void TwoHundredDays_AreThreeWindows_PaddedByADay_OverlappingByADay()
    {
        Assert.Equal(
            ["2024-01-09 to 2024-04-08", "2024-04-08 to 2024-07-07", "2024-07-07 to 2024-07-29"],
            Days(CoachingWindows.For(At("2024-01-10T15:00:00Z"), At("2024-07-28T03:00:00Z"))));
    }

    [Fact]
    public void AnHour_IsOneWindow_OfTheDayBeforeToTheDayAfter()
    {
        Assert.Equal(["2024-02-28 to 2024-03-01"], Days(CoachingWindows.For(At("2024-02-29T10:00:00Z"), At("2024-02-29T11:00:00Z"))));
    }

    [Fact]
    public void AnEndAtMidnight_IsPaddedToTheDayAfterIt()
    {
        Assert.Equal(["2023-12-31 to 2024-01-03"], Days(CoachingWindows.For(At("2024-01-01T00:00:00Z"), At("2024-01-02T00:00:00Z"))));
    }

    [Fact]
    public void DaysAreUtcDays_WhateverTheOffsetTheDatesCameWith()
    {
        // 02:00 in Kolkata on 1 January is 20:30 UTC on 31 December; 23:00 in New York on 2 January is 04:00 UTC on the 3rd.
        Assert.Equal(["2023-12-30 to 2024-01-04"], Days(CoachingWindows.For(At("2024-01-01T02:00:00+05:30"), At("2024-01-02T23:00:00-05:00"))));
    }

    [Fact]
    public void NinetyDaysOfPaddedDays_AreOneWindow_OneMoreDayIsTwo()
    {
        Assert.Equal(["2024-01-01 to 2024-03-31"], Days(CoachingWindows.For(At("2024-01-02T00:00:00Z"), At("2024-03-30T12:00:00Z"))));
        Assert.Equal(["2024-01-01 to 2024-03-31", "2024-03-31 to 2024-04-01"], Days(CoachingWindows.For(At("2024-01-02T00:00:00Z"), At("2024-03-31T12:00:00Z"))));
    }

    [Theory]
    [InlineData("2024-01-10T15:00:00Z", "2024-07-28T03:00:00Z")]
    [InlineData("2023-03-05T23:59:59Z", "2023-03-06T00:00:01Z")]
    [InlineData("2020-01-01T00:00:00Z", "2026-01-01T00:00:00Z")]
    [InlineData("2024-06-15T12:00:00+14:00", "2024-12-15T12:00:00-12:00")]
    public void AnyRange_IsCoveredWithADayEitherSide_InWindowsOfAtMost90Days_EachStartingWhereTheOneBeforeEnded(string start, string end)
    {
        IReadOnlyList<DateWindow> windows = CoachingWindows.For(At(start), At(end));

        Assert.Equal(At(start).UtcDateTime.Date.AddDays(-1), windows[0].From);
        Assert.Equal(At(end).UtcDateTime.Date.AddDays(1), windows[^1].To);
        Assert.All(windows, window => Assert.InRange((window.To - window.From).TotalDays, 1, CoachingWindows.MaxDaysPerRequest));
        Assert.All(windows, window => Assert.Equal(TimeSpan.Zero, window.From.TimeOfDay));
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
    }

    [Fact]
    public void TheApisLimit_IsNinetyDays()
    {
        Assert.Equal(90, CoachingWindows.MaxDaysPerRequest);
    }

    [Fact]
    public void AWindowOfMoreThan90Days_IsNeverSent()
    {
        var day = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        CoachingWindows.EnsureWithinLimit(new DateWindow(day, day.AddDays(90)));

        var tooLong = Assert.Throws<InvalidOperationException>(() => CoachingWindows.EnsureWithinLimit(new DateWindow(day, day.AddDays(91))));
        Assert.Contains("2024-01-01 to 2024-04-01", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEndsOfTheCalendar_AreNotPadded()
    {
        IReadOnlyList<DateWindow> windows = CoachingWindows.For(DateTimeOffset.MinValue, At("0001-01-02T00:00:00Z"));

        Assert.Equal(["0001-01-01 to 0001-01-03"], Days(windows));
        Assert.Equal(DateTime.MaxValue.Date, CoachingWindows.For(At("9999-12-30T00:00:00Z"), DateTimeOffset.MaxValue)[^1].To);
    }
}
