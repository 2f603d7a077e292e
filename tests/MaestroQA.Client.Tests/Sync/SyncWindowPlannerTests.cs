using MaestroQA.Client.Sync;

namespace MaestroQA.Client.Tests.Sync;

/// <summary>Windows on the fixed grid: contiguous, half-open, never across a boundary, the same whatever run cuts them.</summary>
public sealed class SyncWindowPlannerTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheEpochIsAMonday()
    {
        Assert.Equal(DayOfWeek.Monday, SyncWindowPlanner.Epoch.DayOfWeek);
    }

    [Fact]
    public void WeeklyWindows_RunMondayToMonday_TheFirstStartingWhereAsked_TheLastEndingThere()
    {
        // 2024-01-03 is a Wednesday; 2024-01-08 and 2024-01-15 are Mondays.
        IReadOnlyList<SyncRange> windows = SyncWindowPlanner.Cut(Utc(2024, 1, 3, 12), Utc(2024, 1, 17, 6), 7);

        Assert.Equal(
            [new SyncRange(Utc(2024, 1, 3, 12), Utc(2024, 1, 8)), new SyncRange(Utc(2024, 1, 8), Utc(2024, 1, 15)), new SyncRange(Utc(2024, 1, 15), Utc(2024, 1, 17, 6))],
            windows);
    }

    [Fact]
    public void DailyWindows_EndAtUtcMidnights()
    {
        IReadOnlyList<SyncRange> windows = SyncWindowPlanner.Cut(Utc(2024, 3, 1, 6), Utc(2024, 3, 3, 6), 1);

        Assert.Equal([Utc(2024, 3, 2), Utc(2024, 3, 3), Utc(2024, 3, 3, 6)], windows.Select(window => window.To));
    }

    [Fact]
    public void NothingToCut_WhenTheEndIsNotAfterTheStart()
    {
        Assert.Empty(SyncWindowPlanner.Cut(Utc(2024, 1, 1), Utc(2024, 1, 1), 7));
        Assert.Empty(SyncWindowPlanner.Cut(Utc(2024, 1, 2), Utc(2024, 1, 1), 7));
    }

    [Fact]
    public void BoundariesBeforeTheEpoch_AreOnTheSameGrid()
    {
        // 2000-12-25 is the Monday a week before the epoch.
        Assert.Equal(Utc(2000, 12, 25), SyncWindowPlanner.BoundaryAfter(Utc(2000, 12, 20), 7));
        Assert.Equal(Utc(2001, 1, 1), SyncWindowPlanner.BoundaryAfter(Utc(2000, 12, 25), 7));
        Assert.Equal(Utc(2001, 1, 8), SyncWindowPlanner.BoundaryAfter(Utc(2001, 1, 1), 7));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(366)]
    public void AnyRange_IsCoveredExactly_AndARunThatStopsAnywhere_IsContinuedOnTheSameGrid(int chunkDays)
    {
        var random = new Random(chunkDays);
        for (int trial = 0; trial < 200; trial++)
        {
            DateTime from = Utc(2020, 1, 1).AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
            DateTime to = from.AddMinutes(random.Next(1, 400 * 24 * 60));
            IReadOnlyList<SyncRange> windows = SyncWindowPlanner.Cut(from, to, chunkDays);

            Assert.Equal(from, windows[0].From);
            Assert.Equal(to, windows[^1].To);
            for (int i = 0; i < windows.Count; i++)
            {
                Assert.True(windows[i].From < windows[i].To);
                Assert.True(windows[i].To - windows[i].From <= TimeSpan.FromDays(chunkDays));
                if (i > 0)
                {
                    Assert.Equal(windows[i - 1].To, windows[i].From);
                    Assert.Equal(0, (windows[i].From - SyncWindowPlanner.Epoch).Ticks % TimeSpan.FromDays(chunkDays).Ticks);
                }
            }

            // Stopping at any point and going on from there cuts the windows after the next boundary identically.
            DateTime stop = from.AddTicks((long)(random.NextDouble() * (to - from).Ticks));
            IReadOnlyList<SyncRange> continued = SyncWindowPlanner.Cut(stop, to, chunkDays);
            Assert.Equal(windows.Where(window => window.From >= continued[0].To).ToArray(), continued.Skip(1).ToArray());
        }
    }

    [Fact]
    public void WindowFileNames_AreSafeOnWindows_AndSortInTimeOrder()
    {
        string name = SyncNames.WindowFile(Utc(2024, 1, 1), Utc(2024, 1, 8));

        Assert.Equal("2024-01-01T000000Z_2024-01-08T000000Z.csv", name);
        Assert.DoesNotContain(':', name);
        Assert.Equal("2024-05-01T101500Z.csv", SyncNames.WindowFile(Utc(2024, 5, 1).AddMinutes(615), Utc(2024, 5, 1).AddMinutes(615)));
    }
}
