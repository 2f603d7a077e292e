using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Dates;

/// <summary>
/// The one window cutter. On the fixed grid (Sync-MqaExport): contiguous, half-open, never across a boundary, the same
/// whatever run cuts them. From the start (Invoke-MqaRawExport, the coaching export): whole windows from the start.
/// </summary>
public sealed class DateWindowsTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheEpochIsAMonday()
    {
        Assert.Equal(DayOfWeek.Monday, DateWindows.GridEpoch.DayOfWeek);
    }

    [Fact]
    public void WeeklyWindows_RunMondayToMonday_TheFirstStartingWhereAsked_TheLastEndingThere()
    {
        // 2024-01-03 is a Wednesday; 2024-01-08 and 2024-01-15 are Mondays.
        IReadOnlyList<DateWindow> windows = DateWindows.Cut(Utc(2024, 1, 3, 12), Utc(2024, 1, 17, 6), 7, WindowAlignment.Grid);

        Assert.Equal(
            [new DateWindow(Utc(2024, 1, 3, 12), Utc(2024, 1, 8)), new DateWindow(Utc(2024, 1, 8), Utc(2024, 1, 15)), new DateWindow(Utc(2024, 1, 15), Utc(2024, 1, 17, 6))],
            windows);
    }

    [Fact]
    public void DailyWindows_EndAtUtcMidnights()
    {
        IReadOnlyList<DateWindow> windows = DateWindows.Cut(Utc(2024, 3, 1, 6), Utc(2024, 3, 3, 6), 1, WindowAlignment.Grid);

        Assert.Equal([Utc(2024, 3, 2), Utc(2024, 3, 3), Utc(2024, 3, 3, 6)], windows.Select(window => window.To));
    }

    [Fact]
    public void NothingToCut_WhenTheEndIsNotAfterTheStart()
    {
        Assert.Empty(DateWindows.Cut(Utc(2024, 1, 1), Utc(2024, 1, 1), 7, WindowAlignment.Grid));
        Assert.Empty(DateWindows.Cut(Utc(2024, 1, 2), Utc(2024, 1, 1), 7, WindowAlignment.Grid));
    }

    [Fact]
    public void BoundariesBeforeTheEpoch_AreOnTheSameGrid()
    {
        // 2000-12-25 is the Monday a week before the epoch.
        Assert.Equal(Utc(2000, 12, 25), DateWindows.GridBoundaryAfter(Utc(2000, 12, 20), 7));
        Assert.Equal(Utc(2001, 1, 1), DateWindows.GridBoundaryAfter(Utc(2000, 12, 25), 7));
        Assert.Equal(Utc(2001, 1, 8), DateWindows.GridBoundaryAfter(Utc(2001, 1, 1), 7));
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
            IReadOnlyList<DateWindow> windows = DateWindows.Cut(from, to, chunkDays, WindowAlignment.Grid);

            Assert.Equal(from, windows[0].From);
            Assert.Equal(to, windows[^1].To);
            for (int i = 0; i < windows.Count; i++)
            {
                Assert.True(windows[i].From < windows[i].To);
                Assert.True(windows[i].To - windows[i].From <= TimeSpan.FromDays(chunkDays));
                if (i > 0)
                {
                    Assert.Equal(windows[i - 1].To, windows[i].From);
                    Assert.Equal(0, (windows[i].From - DateWindows.GridEpoch).Ticks % TimeSpan.FromDays(chunkDays).Ticks);
                }
            }

            // Stopping at any point and going on from there cuts the windows after the next boundary identically.
            DateTime stop = from.AddTicks((long)(random.NextDouble() * (to - from).Ticks));
            IReadOnlyList<DateWindow> continued = DateWindows.Cut(stop, to, chunkDays, WindowAlignment.Grid);
            Assert.Equal(windows.Where(window => window.From >= continued[0].To).ToArray(), continued.Skip(1).ToArray());
        }
    }

    [Fact]
    public void FromTheStart_WindowsAreWholeFromTheStart_TheLastEndingAtTheEnd()
    {
        // 2024-01-03 is a Wednesday: the windows run Wednesday to Wednesday, as a one-off request wants them.
        IReadOnlyList<DateWindow> windows = DateWindows.Cut(Utc(2024, 1, 3, 12), Utc(2024, 1, 17, 6), 7, WindowAlignment.FromStart);

        Assert.Equal([new DateWindow(Utc(2024, 1, 3, 12), Utc(2024, 1, 10, 12)), new DateWindow(Utc(2024, 1, 10, 12), Utc(2024, 1, 17, 6))], windows);
    }

    [Theory]
    [InlineData(WindowAlignment.FromStart)]
    [InlineData(WindowAlignment.Grid)]
    public void AnEndNearTheLastDateTime_DoesNotOverflow(WindowAlignment alignment)
    {
        IReadOnlyList<DateWindow> windows = DateWindows.Cut(Utc(2024, 1, 1), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), DateWindows.MaxChunkDays, alignment);

        Assert.Equal(DateTime.MaxValue.Ticks, windows[^1].To.Ticks);
        Assert.All(windows, window => Assert.True(window.From < window.To));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    [InlineData(3661)]
    public void AChunkOutsideTheOneRange_IsAnInputProblem(int chunkDays)
    {
        var refused = Assert.Throws<MaestroQAInputException>(() => DateWindows.Cut(Utc(2024, 1, 1), Utc(2024, 2, 1), chunkDays, WindowAlignment.FromStart));

        Assert.Equal(InputProblem.InvalidChunkDays, refused.Problem);
        Assert.Equal($"-ChunkDays must be from 1 to 3660; got {chunkDays}.", refused.Message);
    }
}
