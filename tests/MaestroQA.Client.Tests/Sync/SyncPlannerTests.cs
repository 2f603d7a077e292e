using System.Globalization;
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

    private static SyncState State(DateTime syncedTo, params SyncWindowState[] windows) => new()
    {
        BaseUri = Api.AbsoluteUri,
        Raw = new SyncKindState { StartDate = Utc(1, 1), SyncedTo = syncedTo, Options = Request(null, syncedTo).OptionsFor(ExportKind.Raw), Windows = [.. windows] },
    };

    private static SyncWindowState Window(DateTime from, DateTime to, string id, bool done = false) => new() { From = from, To = to, ExportId = id, RequestedAt = from, Done = done };

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
            SyncPlanException refused = Assert.Throws<SyncPlanException>(() => SyncPlanner.Plan(State(Utc(1, 5)), Request(null, Utc(1, 4))));

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
        Assert.All(plan.Jobs, job => Assert.Null(job.Export));
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
            plan.Jobs.Select(job => string.Create(CultureInfo.InvariantCulture, $"{job.From:MMM dd} {job.Export?.ExportId ?? "new"}")));
    }

    [Fact]
    public void ARequestedWindow_IsKeptAsItWasCut_EvenWithAnotherChunkOrAnEarlierEnd()
    {
        SyncState state = State(Utc(1, 3), Window(Utc(1, 3), Utc(1, 3).AddHours(6), "exp_partial"));

        SyncPlan plan = SyncPlanner.Plan(state, Request(null, Utc(1, 3)) with { ChunkDays = 7 });

        SyncJob only = Assert.Single(plan.Jobs);
        Assert.Equal(("exp_partial", Utc(1, 3).AddHours(6)), (only.Export!.ExportId, only.To));
    }

    [Fact]
    public void AnEndBeforeTheSyncedPoint_IsRefused()
    {
        var refused = Assert.Throws<SyncPlanException>(() => SyncPlanner.Plan(State(Utc(1, 5)), Request(null, Utc(1, 4))));

        Assert.Equal(SyncPlanProblem.EndDateBeforeSynced, refused.Problem);
        Assert.Contains("2024-01-05 00:00:00Z", refused.Message);
    }

    [Fact]
    public void AFirstSyncWithoutAStart_IsRefused_ButGroupsNeedNone()
    {
        Assert.Equal(SyncPlanProblem.StartDateRequired, Assert.Throws<SyncPlanException>(() => SyncPlanner.Plan(null, Request(null, Utc(1, 4)))).Problem);

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
        SyncWindowState first = Window(Utc(1, 3), Utc(1, 4), "a");
        SyncWindowState second = Window(Utc(1, 4), Utc(1, 5), "b");
        SyncWindowState third = Window(Utc(1, 5), Utc(1, 6), "c");
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
