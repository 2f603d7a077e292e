using MaestroQA.Client.Api.Polling;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Api.Polling;

/// <summary>
/// The status-check policy on a fake clock: a year's backfill (52 exports requested at the demanding limit, each taking
/// 20 s) replayed check by check, as ExportPoller runs it, one check at a time.
/// </summary>
public sealed class PollScheduleTests
{
    private static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);
    private static readonly PollSchedule Schedule = PollSchedule.Default;

    [Fact]
    public void TheIntervalIsHalfTheAge_BetweenTheFirstAndTheLargest()
    {
        Assert.Equal(First, Schedule.IntervalAt(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(5), Schedule.IntervalAt(TimeSpan.FromSeconds(10)));
        Assert.Equal(Max, Schedule.IntervalAt(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void TheDefaults_AreTheModulesOnly_OnesAndAFirstPauseLongerThanTheLargest_IsTheLargest()
    {
        Assert.Equal((First, Max, TimeSpan.FromMinutes(30)), (Schedule.PollInterval, Schedule.MaxPollInterval, Schedule.Timeout));
        PollSchedule slow = PollSchedule.For(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)), (slow.PollInterval, slow.MaxPollInterval));
        Assert.Equal(TimeSpan.FromMinutes(1), slow.IntervalAt(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void ChecksAreSpacedToSpreadTheMinute()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(600), PollSchedule.Spacing(RateLimitPolicy.Easy));
        Assert.Equal(TimeSpan.FromMilliseconds(60), PollSchedule.Spacing(new RateLimitPolicy(10, 100) { WindowScale = 0.1 }));
        Assert.Equal(TimeSpan.FromMilliseconds(500), PollSchedule.Spacing(new RateLimitPolicy(2, 1000)));
    }

    [Fact]
    public void TheOldestDueExportGoesFirst_ElseTheOneDueFirst()
    {
        PollCandidate[] candidates = [new(T0.AddSeconds(5), T0.AddSeconds(10)), new(T0.AddSeconds(1), T0.AddSeconds(9)), new(T0, T0.AddSeconds(12))];

        Assert.Equal((1, TimeSpan.Zero), PollSchedule.Next(candidates, T0.AddSeconds(11), TimeSpan.MaxValue, TimeSpan.FromSeconds(1)));
        Assert.Equal((1, TimeSpan.FromSeconds(1)), PollSchedule.Next(candidates, T0.AddSeconds(8), TimeSpan.MaxValue, TimeSpan.FromSeconds(1)));
        Assert.Equal((1, TimeSpan.FromSeconds(0.75)), PollSchedule.Next(candidates, T0.AddSeconds(9.5), TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(1)));
        Assert.Null(PollSchedule.Next([], T0, TimeSpan.MaxValue, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AYearOfWeeklyExports_IsSeenCompleteSoonAfterEachFinishes_WithinTheEasyLimit()
    {
        var requested = DemandingSchedule(52);
        var done = requested.Select(at => at.AddSeconds(20)).ToArray();
        var seen = new DateTime?[52];
        var due = requested.Select(at => at + First).ToArray();
        var checks = new List<DateTime>();
        DateTime now = T0;
        DateTime lastCheck = DateTime.MinValue;
        TimeSpan spacing = PollSchedule.Spacing(RateLimitPolicy.Easy);
        while (seen.Any(at => at is null))
        {
            int[] waiting = Enumerable.Range(0, 52).Where(i => requested[i] <= now && seen[i] is null).ToArray();
            DateTime nextArrival = requested.Where(at => at > now).DefaultIfEmpty(DateTime.MaxValue).Min();
            var next = PollSchedule.Next(waiting.Select(i => new PollCandidate(requested[i], due[i])).ToArray(), now, lastCheck == DateTime.MinValue ? TimeSpan.MaxValue : now - lastCheck, spacing);
            if (next is not (int index, TimeSpan wait) || wait > TimeSpan.Zero)
            {
                // Sleep until the check is allowed, or until a new export arrives and the choice may change.
                DateTime wake = next is (_, TimeSpan w) ? now + w : DateTime.MaxValue;
                now = wake < nextArrival ? wake : nextArrival;
                continue;
            }

            int export = waiting[index];
            checks.Add(now);
            lastCheck = now;
            if (now >= done[export])
            {
                seen[export] = now;
                int following = Enumerable.Range(0, 52).Where(i => seen[i] is null && requested[i] >= requested[export]).OrderBy(i => requested[i]).FirstOrDefault(-1);
                if (following >= 0 && due[following] > now)
                {
                    due[following] = now; // as the poller does: the next one may be done too
                }
            }
            else
            {
                due[export] = now + Schedule.IntervalAt(now - requested[export]);
            }

            now += TimeSpan.FromMilliseconds(50); // a check's round trip
        }

        // Checked again after half its age, an export is seen at most half its run time late (plus a check's spacing),
        // and on average much sooner: the oldest due export is always checked first.
        TimeSpan[] lags = Enumerable.Range(0, 52).Select(i => seen[i]!.Value - done[i]).ToArray();
        Assert.True(lags.Max() <= TimeSpan.FromSeconds(11), $"an export was seen {lags.Max().TotalSeconds:0.0} s after it finished");
        Assert.True(lags.Average(lag => lag.TotalSeconds) <= 5, $"exports were seen {lags.Average(lag => lag.TotalSeconds):0.0} s after they finished, on average");
        Assert.True(MostIn(checks, TimeSpan.FromMinutes(1)) <= 100, $"{MostIn(checks, TimeSpan.FromMinutes(1))} checks in one minute");
        Assert.True(MostIn(checks, TimeSpan.FromSeconds(1)) <= 10);
    }

    /// <summary>When the demanding limit (1/s, 30/min, 30 ms margin) lets each of n requests go.</summary>
    private static DateTime[] DemandingSchedule(int count)
    {
        var at = new DateTime[count];
        for (int k = 0; k < count; k++)
        {
            at[k] = k == 0 ? T0 : at[k - 1].AddSeconds(1.03);
            if (k >= 30 && at[k - 30].AddSeconds(60.03) > at[k])
            {
                at[k] = at[k - 30].AddSeconds(60.03);
            }
        }

        return at;
    }

    private static int MostIn(List<DateTime> times, TimeSpan window) =>
        times.Select((start, i) => times.Skip(i).TakeWhile(t => t - start < window).Count()).Max();
}
