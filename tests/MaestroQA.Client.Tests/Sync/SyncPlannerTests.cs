using System.Globalization;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;
using MaestroQA.Client.Sync;

namespace MaestroQA.Client.Tests.Sync;

/// <summary>What a run does from a state: requested windows first as they were, never a complete one again.</summary>
public sealed class SyncPlannerTests
{
    private static readonly Uri Api = new("https://app.maestroqa.com/api/v1/");

    private static DateTime Utc(int month, int day) => new(2024, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static SyncRequest Request(DateTime? start, DateTime end, params ExportKind[] kinds) =>
        new(kinds.Length == 0 ? [ExportKind.Raw] : kinds, Api) { StartDate = start, EndDate = end, ChunkDays = 1 };

    private static SyncState State(DateTime syncedTo, params RequestedWindow[] windows) => new()
    {
        BaseUri = Api.AbsoluteUri,
        Raw = new SyncKindState { StartDate = Utc(1, 1), SyncedTo = syncedTo, Options = Request(null, syncedTo).OptionsFor(ExportKind.Raw), Windows = [.. windows] },
    };

    private static RequestedWindow Window(DateTime from, DateTime to, string id, bool done = false) => new() { From = from, To = to, ExportId = id, RequestedAt = from, Done = done };

    [Fact]
    public void WindowsAndHoldersRead_TheSame_InACultureWithAnotherTimeSeparator()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("da-DK"); // writes 06.00.00 for a time
        try
        {
            SyncJob job = SyncPlanner.Plan(null, Request(Utc(1, 1).AddHours(6), Utc(1, 2))).Jobs.Single();
            var window = new MqaSyncWindow(ExportKind.Raw, job.From, job.To, "exp_1");
            var holder = new SyncLockHolder { HostName = "host", ProcessId = 42, Since = job.From };
            var refused = Assert.Throws<MaestroQAInputException>(() => SyncPlanner.Plan(State(Utc(1, 5)), Request(null, Utc(1, 4)) with { EndDateGiven = true }));

            Assert.Equal("Raw 2024-01-01 06:00:00Z to 2024-01-02 00:00:00Z", job.ToString());
            Assert.Equal("Raw 2024-01-01 06:00:00Z to 2024-01-02 00:00:00Z (exp_1, 0 file(s))", window.ToString());
            Assert.Equal("process 42 on host, since 2024-01-01 06:00:00Z", holder.ToString());
            Assert.Contains("-EndDate 2024-01-04 00:00:00Z is before 2024-01-05 00:00:00Z", refused.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void AFirstSync_CutsFromTheStartToTheEnd()
    {
        SyncPlan plan = SyncPlanner.Plan(null, Request(Utc(1, 1).AddHours(6), Utc(1, 3)));

        Assert.Equal([Utc(1, 1).AddHours(6), Utc(1, 2)], plan.Jobs.Select(job => job.From));
        Assert.All(plan.Jobs, job => Assert.Null(job.Pending));
        Assert.Equal(Utc(1, 1).AddHours(6), plan.State.Raw!.SyncedTo);
    }

    [Fact]
    public void RequestedWindows_AreWaitedOn_CompleteOnesSkipped_GapsAndTheRestCut()
    {
        // Synced to Jan 3; Jan 4 requested; Jan 5 never requested (its request failed); Jan 6 complete ahead of the rest.
        SyncState state = State(Utc(1, 3), Window(Utc(1, 4), Utc(1, 5), "exp_4"), Window(Utc(1, 6), Utc(1, 7), "exp_6", done: true));

        SyncPlan plan = SyncPlanner.Plan(state, Request(null, Utc(1, 9)));

        Assert.Equal(
            ["Jan 03 new", "Jan 04 exp_4", "Jan 05 new", "Jan 07 new", "Jan 08 new"],
            plan.Jobs.Select(job => string.Create(CultureInfo.InvariantCulture, $"{job.From:MMM dd} {job.Pending?.ExportId ?? "new"}")));
    }

    [Fact]
    public void ARequestedWindow_IsKeptAsItWasCut_EvenWithAnotherChunk()
    {
        SyncState state = State(Utc(1, 3), Window(Utc(1, 3), Utc(1, 3).AddHours(6), "exp_partial"));

        SyncPlan plan = SyncPlanner.Plan(state, Request(null, Utc(1, 4)) with { ChunkDays = 7 });

        Assert.Equal(("exp_partial", Utc(1, 3).AddHours(6)), (plan.Jobs[0].Pending!.Value.ExportId, plan.Jobs[0].To));
        Assert.Equal(new DateWindow(Utc(1, 3).AddHours(6), Utc(1, 4)), plan.Jobs[1].Window);
    }

    [Fact]
    public void WindowsRequestedPastThisRunsEnd_StayInTheState_NeitherPolledNorRequested()
    {
        // An earlier run with a later end requested Jan 5 to Jan 9; this run ends on Jan 6.
        RequestedWindow[] requested = Enumerable.Range(5, 4).Select(day => Window(Utc(1, day), Utc(1, day + 1), $"exp_{day}")).ToArray();
        SyncState state = State(Utc(1, 5), requested);

        SyncPlan plan = SyncPlanner.Plan(state, Request(null, Utc(1, 6)));

        Assert.Equal("exp_5", Assert.Single(plan.Jobs).Pending!.Value.ExportId);
        Assert.Equal(4, plan.State.Raw!.Windows.Count);
        Assert.Contains(plan.Notes, note => note.Contains("3 window(s) an earlier run requested lie past this run's end", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEndBeforeTheSyncedPoint_IsRefused_NamingWhatTheUserGave()
    {
        var given = Assert.Throws<MaestroQAInputException>(() => SyncPlanner.Plan(State(Utc(1, 5)), Request(null, Utc(1, 4)) with { EndDateGiven = true }));
        var byDefault = Assert.Throws<MaestroQAInputException>(() => SyncPlanner.Plan(State(Utc(1, 5)), Request(null, Utc(1, 4))));

        Assert.Equal(InputProblem.EndDateBeforeSynced, given.Problem);
        Assert.StartsWith("-EndDate 2024-01-04 00:00:00Z is before 2024-01-05 00:00:00Z", given.Message, StringComparison.Ordinal);
        Assert.StartsWith("Now minus -Lag (2024-01-04 00:00:00Z) is before 2024-01-05 00:00:00Z", byDefault.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("-EndDate 2024", byDefault.Message, StringComparison.Ordinal);
        Assert.Contains("the clock of the machine that wrote it may have been ahead", byDefault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFirstSyncStartingAfterItsEnd_IsAnInvalidRange_NamingWhatTheUserGave()
    {
        var refused = Assert.Throws<MaestroQAInputException>(() => SyncPlanner.Plan(null, Request(Utc(1, 5), Utc(1, 4))));

        Assert.Equal(InputProblem.InvalidDateRange, refused.Problem);
        Assert.Equal("-StartDate 2024-01-05 00:00:00Z is after now minus -Lag (2024-01-04 00:00:00Z), where a run ends by default: a first sync needs a start before its end.", refused.Message);
    }

    [Fact]
    public void AnEmptyRange_IsAWarning_NotSilence()
    {
        SyncPlan plan = SyncPlanner.Plan(null, Request(Utc(1, 4).AddMilliseconds(400), Utc(1, 4).AddMilliseconds(900)) with { EndDateGiven = true });

        Assert.Empty(plan.Jobs);
        Assert.Contains("nothing to sync yet", Assert.Single(plan.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://app.maestroqa.com/api/v1")]
    [InlineData("HTTPS://APP.MAESTROQA.COM:443/api/v1/")]
    [InlineData("https://app.rippit.com/api/v1/")]
    public void AStateOfTheSameApi_WrittenAnotherWay_OrOnTheVendorsOtherDomain_IsKept(string recorded)
    {
        SyncState state = State(Utc(1, 3));
        state.BaseUri = recorded;

        SyncPlan plan = SyncPlanner.Plan(state, Request(null, Utc(1, 4)));

        Assert.Single(plan.Jobs);
        Assert.Equal(recorded.Contains("rippit", StringComparison.Ordinal) ? Api.AbsoluteUri : recorded, plan.State.BaseUri);
    }

    [Fact]
    public void EmptyWindows_AreRedoneOnlyWhenAsked()
    {
        SyncState state = State(Utc(1, 5));
        state.Raw!.EmptyWindows.Add(new EmptyWindow { From = Utc(1, 2), To = Utc(1, 3), ExportId = "exp_empty", ConfirmedAt = Utc(1, 3) });

        SyncPlan plain = SyncPlanner.Plan(state, Request(null, Utc(1, 5)));
        SyncPlan redo = SyncPlanner.Plan(state, Request(null, Utc(1, 5)) with { RedoEmptyWindows = true });

        Assert.Empty(plain.Jobs);
        Assert.Single(plain.EmptyWindows([ExportKind.Raw]));
        SyncJob again = Assert.Single(redo.Jobs);
        Assert.True(again.RedoesEmpty);
        Assert.Equal(new DateWindow(Utc(1, 2), Utc(1, 3)), again.Window);
        Assert.Empty(redo.EmptyWindows([ExportKind.Raw]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnEmptyWindowWhoseRedoARunRequestedAndDidNotSave_IsPolled_NotRequestedTwice(bool redoAgain)
    {
        SyncState state = State(Utc(1, 5));
        state.Raw!.EmptyWindows.Add(new EmptyWindow { From = Utc(1, 2), To = Utc(1, 3), ExportId = "exp_empty", ConfirmedAt = Utc(1, 3) });
        state.Raw!.Windows.Add(new RequestedWindow { From = Utc(1, 2), To = Utc(1, 3), ExportId = "exp_redo", RequestedAt = Utc(1, 5) });

        SyncPlan plan = SyncPlanner.Plan(state, Request(null, Utc(1, 5)) with { RedoEmptyWindows = redoAgain });

        SyncJob polled = Assert.Single(plan.Jobs);
        Assert.Equal(("exp_redo", true), (polled.Pending?.ExportId, polled.RedoesEmpty));
        Assert.Empty(plan.EmptyWindows([ExportKind.Raw]));
    }

    [Fact]
    public void AFirstSyncWithoutAStart_IsRefused_ButGroupsNeedNone()
    {
        Assert.Equal(InputProblem.StartDateRequired, Assert.Throws<MaestroQAInputException>(() => SyncPlanner.Plan(null, Request(null, Utc(1, 4)))).Problem);

        SyncPlan groups = SyncPlanner.Plan(null, Request(null, Utc(1, 4), ExportKind.Groups));
        Assert.True(Assert.Single(groups.Jobs).IsSnapshot);
    }

    [Fact]
    public void AStateOfAnotherApi_OrOfOtherOptions_IsAMismatch()
    {
        SyncState other = State(Utc(1, 3));
        other.BaseUri = "https://eu.maestroqa.example/api/v1/";
        Assert.True(Assert.Throws<SyncStateException>(() => SyncPlanner.Plan(other, Request(null, Utc(1, 4)))).IsMismatch);

        SyncRequest calibrations = Request(null, Utc(1, 4)) with { IncludeCalibrations = CalibrationFilter.All };
        Assert.True(Assert.Throws<SyncStateException>(() => SyncPlanner.Plan(State(Utc(1, 3)), calibrations)).IsMismatch);
    }

    [Fact]
    public void CompletingWindows_MovesTheSyncedPointOverEveryWindowWithoutAGap()
    {
        RequestedWindow first = Window(Utc(1, 3), Utc(1, 4), "a");
        RequestedWindow second = Window(Utc(1, 4), Utc(1, 5), "b");
        RequestedWindow third = Window(Utc(1, 5), Utc(1, 6), "c");
        SyncKindState state = State(Utc(1, 3), first, second, third).Raw!;

        state.Complete(third);
        Assert.Equal(Utc(1, 3), state.SyncedTo);
        state.Complete(first);
        Assert.Equal(Utc(1, 4), state.SyncedTo);
        state.Complete(second);
        Assert.Equal(Utc(1, 6), state.SyncedTo);
        Assert.Empty(state.Windows);
    }
}
