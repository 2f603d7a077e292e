using System.Collections.Concurrent;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.Client.Sync;
using MaestroQA.Client.Tests.Sync.Support;

namespace MaestroQA.Client.Tests.Sync;

/// <summary>
/// What a run does, planned as Sync-MqaExport plans it, against a fake MaestroQA on a fake clock: the requests it
/// sends and in what order, the checks it makes, the files it lands, the state it leaves, and how long it takes in
/// virtual time (requests paced one a second, checks spaced by the easy limit).
/// </summary>
public sealed class SyncRunnerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTime First = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly WindowScript AtOnce = new() { CompletesAfter = TimeSpan.Zero };
    private readonly SyncHarness _sync = new(Now);

    public void Dispose() => _sync.Dispose();

    [Fact]
    public async Task AFirstRun_RequestsEachWindowOnce_InOrder_LandsItsTables_AndEndsSyncedToTheEnd()
    {
        DateWindow[] days = Days(0, 5);

        RecordingSyncObserver run = await _sync.RunAsync(SyncHarness.Raw(First, Day(5).From));

        Assert.Equal(days.Select(SyncHarness.ExportName), _sync.Api.Requested);
        foreach (DateWindow day in days)
        {
            Assert.All(ExportCatalog.RawTables, table => Assert.Equal(FakeExportFiles.Csv(table.Table, SyncHarness.ExportName(day)), File.ReadAllText(_sync.FileOf(table.Table, day))));
        }

        Assert.All(ExportCatalog.RawTables, table => Assert.Equal(days.Length, Directory.GetFiles(_sync.Folder.TableFolder(table.Table)).Length));
        Assert.False(Directory.Exists(_sync.Folder.WorkFolder));
        SyncKindState state = _sync.State.Raw!;
        Assert.Equal((Day(5).From, 0, 0), (state.SyncedTo, state.Windows.Count, state.EmptyWindows.Count));
        Assert.Equal(days, WindowsOf(run.Completed));
        Assert.All(run.Completed, window => Assert.Equal(ExportCatalog.RawTables.Count(), window.Files.Length));
        Assert.Equal(new SyncProgress(5, 5, 5, 0), run.Progress.Last());
        Assert.Empty(run.Failed);
    }

    [Fact]
    public async Task AuditLogWindowsAndAGroupsSnapshot_LandAsOneCsvEach_TheSnapshotNamedAfterWhenItWasTaken()
    {
        await _sync.RunAsync(SyncHarness.Request(First, Day(2).From, ExportKind.AuditLog, ExportKind.Groups));

        // In the plan's order: the audit log's windows, then the snapshot, taken when its turn came.
        DateTime snapshotAt = _sync.State.Groups!.SyncedTo;
        Assert.InRange(snapshotAt, Now.UtcDateTime.AddSeconds(1), _sync.Api.Made.Single(export => export.Kind == ExportKind.Groups).RequestedAt);
        DateWindow taken = new(snapshotAt, snapshotAt);
        Assert.Equal(
            [.. Days(0, 2).Select(day => SyncHarness.ExportName(ExportKind.AuditLog, day)), SyncHarness.ExportName(ExportKind.Groups, taken)],
            _sync.Api.Requested);
        Assert.All(Days(0, 2), day => Assert.Equal(FakeExportFiles.Csv(ExportTable.AuditLog, SyncHarness.ExportName(ExportKind.AuditLog, day)), File.ReadAllText(_sync.FileOf(ExportTable.AuditLog, day))));
        Assert.Equal(FakeExportFiles.Csv(ExportTable.AgentGroups, SyncHarness.ExportName(ExportKind.Groups, taken)), File.ReadAllText(_sync.FileOf(ExportTable.AgentGroups, taken)));
        Assert.Equal((Day(2).From, taken.From), (_sync.State.AuditLog!.SyncedTo, _sync.State.Groups!.SyncedTo));
    }

    [Fact]
    public async Task AResumedRun_PollsThePendingExports_AndRequestsOnlyTheWindowsNeverRequested()
    {
        MqaExport[] pending = [Requested(Day(0), "exp_earlier_0"), Requested(Day(1), "exp_earlier_1")];
        Array.ForEach(pending, _sync.Api.Knows);
        _sync.Save(StateWith(pending.Select(Pending)));

        RecordingSyncObserver run = await _sync.RunAsync(SyncHarness.Raw(null, Day(3).From));

        Assert.Equal([SyncHarness.ExportName(Day(2))], _sync.Api.Requested);
        Assert.All(pending, export => Assert.Equal(1, _sync.Api.ChecksOf(export.ExportId)));
        Assert.Equal(["exp_earlier_0", "exp_earlier_1", _sync.Api.Made.Single().ExportId], run.Completed.OrderBy(window => window.From).Select(window => window.ExportId));
        Assert.True(File.Exists(_sync.FileOf(ExportTable.TotalScores, Day(1))));
        Assert.Equal((Day(3).From, 0), (_sync.State.Raw!.SyncedTo, _sync.State.Raw!.Windows.Count));
    }

    [Fact]
    public async Task ForgottenExportsInRange_AreCheckedOnceAndRequestedAnewOldestFirst_AndLaterWindowsStayUntouched()
    {
        // 300 windows an earlier run with a later end requested; the server forgot them all. This run ends after 12.
        RequestedWindow[] forgotten = Days(0, 300).Select((day, i) => Pending(Requested(day, $"exp_gone_{i}"))).ToArray();
        _sync.Save(StateWith(forgotten));
        var bookmarks = new ConcurrentQueue<DateTime>();
        var run = new RecordingSyncObserver { OnCompleted = _ => bookmarks.Enqueue(_sync.State.Raw!.SyncedTo) };

        await _sync.RunAsync(SyncHarness.Raw(null, Day(12).From), run);

        Assert.Equal(forgotten.Take(12).Select(window => window.ExportId).Concat(_sync.Api.Made.Select(made => made.ExportId)).Order(), _sync.Api.CheckedIds.Order());
        Assert.All(forgotten.Take(12), window => Assert.Equal(1, _sync.Api.ChecksOf(window.ExportId)));
        Assert.Equal(Days(0, 12).Select(SyncHarness.ExportName), _sync.Api.Requested);
        Assert.Equal(Days(0, 12).Select(day => day.To), bookmarks);
        Assert.InRange(_sync.Clock.Elapsed, TimeSpan.Zero, TimeSpan.FromMinutes(1) + (12 * _sync.Api.RequestSpacing));
        SyncKindState state = _sync.State.Raw!;
        Assert.Equal(Day(12).From, state.SyncedTo);
        Assert.Equal(forgotten.Skip(12).Select(Described), state.Windows.Select(Described));
        Assert.Empty(run.Failed);
        Assert.Equal(new SyncProgress(12, 12, 12, 0), run.Progress.Last()); // a window requested anew is still one window
    }

    [Fact]
    public async Task AnErroredExport_FailsItsWindow_LaterWindowsStillLand_AndTheNextRunRequestsItAnew()
    {
        _sync.Api.Script(SyncHarness.ExportName(Day(1)), new WindowScript { Outcome = ExportOutcome.Errored });

        RecordingSyncObserver first = await _sync.RunAsync(SyncHarness.Raw(First, Day(4).From));

        (SyncJob job, Exception error) = Assert.Single(first.Failed);
        Assert.Equal((Day(1), ApiErrorKind.ExportFailed), (job.Window, Assert.IsType<MaestroQAApiException>(error).Kind));
        Assert.Equal([Day(0), Day(2), Day(3)], WindowsOf(first.Completed));
        SyncKindState state = _sync.State.Raw!;
        Assert.Equal(Day(1).From, state.SyncedTo);
        Assert.Equal([(Day(2), true), (Day(3), true)], state.Windows.Select(window => (window.Window, window.Done)));

        _sync.Api.Script(SyncHarness.ExportName(Day(1)), new WindowScript());
        RecordingSyncObserver second = await _sync.RunAsync(SyncHarness.Raw(null, Day(4).From));

        Assert.Equal(2, _sync.Api.RequestsFor(SyncHarness.ExportName(Day(1))));
        Assert.Equal(Days(0, 4).Append(Day(1)).Select(SyncHarness.ExportName), _sync.Api.Requested);
        Assert.Equal([Day(1)], WindowsOf(second.Completed));
        Assert.Equal((Day(4).From, 0), (_sync.State.Raw!.SyncedTo, _sync.State.Raw!.Windows.Count));
    }

    [Fact]
    public async Task ACompleteExportWithNoData_IsCheckedOnceMore_ThenRecordedEmpty_WithNoFiles()
    {
        _sync.Api.Script(SyncHarness.ExportName(Day(1)), AtOnce with { Outcome = ExportOutcome.Empty });

        RecordingSyncObserver run = await _sync.RunAsync(SyncHarness.Raw(First, Day(3).From));

        MqaExport empty = _sync.Api.Made[1];
        IReadOnlyList<DateTime> checks = _sync.Api.CheckTimesOf(empty.ExportId);
        Assert.Equal(2, checks.Count);
        EmptyWindow recorded = Assert.Single(_sync.State.Raw!.EmptyWindows);
        Assert.Equal((Day(1), empty.ExportId, checks[1]), (recorded.Window, recorded.ExportId, recorded.ConfirmedAt));
        Assert.Empty(run.Completed.Single(window => window.ExportId == empty.ExportId).Files);
        Assert.All(ExportCatalog.RawTables, table => Assert.False(File.Exists(_sync.FileOf(table.Table, Day(1)))));
        Assert.Equal(Day(3).From, _sync.State.Raw!.SyncedTo);
    }

    [Fact]
    public async Task AnEmptyAnswerThatHasDataOnTheSecondCheck_LandsItsFiles_AndIsNotRecordedEmpty()
    {
        _sync.Api.Script(SyncHarness.ExportName(Day(1)), AtOnce with { Outcome = ExportOutcome.EmptyOnce });

        await _sync.RunAsync(SyncHarness.Raw(First, Day(3).From));

        Assert.Equal(2, _sync.Api.ChecksOf(_sync.Api.Made[1].ExportId));
        Assert.Empty(_sync.State.Raw!.EmptyWindows);
        Assert.All(ExportCatalog.RawTables, table => Assert.Equal(FakeExportFiles.Csv(table.Table, SyncHarness.ExportName(Day(1))), File.ReadAllText(_sync.FileOf(table.Table, Day(1)))));
        Assert.Equal(Day(3).From, _sync.State.Raw!.SyncedTo);
    }

    [Fact]
    public async Task AnEmptyAnswerThatIsErroredOnTheSecondCheck_FailsItsWindow_AndIsNotRecordedEmpty()
    {
        _sync.Api.Script(SyncHarness.ExportName(Day(1)), AtOnce with { Outcome = ExportOutcome.EmptyThenErrored });

        RecordingSyncObserver run = await _sync.RunAsync(SyncHarness.Raw(First, Day(3).From));

        (SyncJob job, Exception error) = Assert.Single(run.Failed);
        Assert.Equal((Day(1), ApiErrorKind.ExportFailed), (job.Window, Assert.IsType<MaestroQAApiException>(error).Kind));
        Assert.Empty(_sync.State.Raw!.EmptyWindows);
        Assert.Equal(Day(1).From, _sync.State.Raw!.SyncedTo);
        Assert.DoesNotContain(_sync.State.Raw!.Windows, window => window.Window == Day(1)); // errored: the next run requests it anew
    }

    [Fact]
    public async Task AnEmptyAnswerThatIsInProgressOnTheSecondCheck_IsWaitedFor_AndItsFilesLand()
    {
        _sync.Api.Script(SyncHarness.ExportName(Day(1)), AtOnce with { Outcome = ExportOutcome.EmptyThenInProgress });

        RecordingSyncObserver run = await _sync.RunAsync(SyncHarness.Raw(First, Day(3).From));

        Assert.Empty(run.Failed);
        Assert.Equal(3, _sync.Api.ChecksOf(_sync.Api.Made[1].ExportId));
        Assert.Empty(_sync.State.Raw!.EmptyWindows);
        Assert.All(ExportCatalog.RawTables, table => Assert.Equal(FakeExportFiles.Csv(table.Table, SyncHarness.ExportName(Day(1))), File.ReadAllText(_sync.FileOf(table.Table, Day(1)))));
        Assert.Equal(Day(3).From, _sync.State.Raw!.SyncedTo);
    }

    [Fact]
    public async Task AWindowWithATableAsLongAsTheDocumentedCap_IsWarnedOf_NamingTheWindowTableAndCount_AndLandsWhole()
    {
        _sync.Api.Script(SyncHarness.ExportName(ExportKind.AuditLog, Day(0)), AtOnce with { Rows = ExportRowCap.WarningThreshold - 1 });
        _sync.Api.Script(SyncHarness.ExportName(ExportKind.AuditLog, Day(1)), AtOnce with { Rows = ExportRowCap.WarningThreshold });

        RecordingSyncObserver run = await _sync.RunAsync(SyncHarness.Request(First, Day(2).From, ExportKind.AuditLog));

        string warning = Assert.Single(run.Warnings, warning => warning.Contains("may be cut short", StringComparison.Ordinal));
        Assert.Equal(ExportRowCap.Warning($"The window AuditLog {Day(1).From:u} to {Day(1).To:u}", ExportTable.AuditLog, ExportRowCap.WarningThreshold), warning);
        Assert.Equal(ExportRowCap.WarningThreshold + 1, File.ReadAllLines(_sync.FileOf(ExportTable.AuditLog, Day(1))).Length);
    }

    [Fact]
    public async Task AnHtmlPageInsteadOfTheFile_GetsTheExportCheckedAgainOnce_ForAFreshLink_AndTheWindowLands()
    {
        _sync.Api.Script(SyncHarness.ExportName(Day(0)), AtOnce);
        _sync.Api.Script(SyncHarness.ExportName(Day(1)), AtOnce with { ServesHtmlOnce = true });

        RecordingSyncObserver run = await _sync.RunAsync(SyncHarness.Raw(First, Day(2).From));

        (MqaExport plain, MqaExport html) = (_sync.Api.Made[0], _sync.Api.Made[1]);
        Assert.Equal((1, 1), (_sync.Api.ChecksOf(plain.ExportId), _sync.Api.DownloadsOf(plain.ExportId)));
        Assert.Equal((2, 2), (_sync.Api.ChecksOf(html.ExportId), _sync.Api.DownloadsOf(html.ExportId)));
        Assert.Empty(run.Failed);
        Assert.Equal(FakeExportFiles.Csv(ExportTable.Annotations, SyncHarness.ExportName(Day(1))), File.ReadAllText(_sync.FileOf(ExportTable.Annotations, Day(1))));
        Assert.Equal(Day(2).From, _sync.State.Raw!.SyncedTo);
    }

    [Fact]
    public async Task ARefusedTokenMidRun_EndsTheRunAtOnceWithThatError_AndTheStateKeepsEveryRequestMade()
    {
        // Each export completes at once: windows 0 and 1 land before window 2's first check is refused.
        foreach (DateWindow day in Days(0, 5))
        {
            _sync.Api.Script(SyncHarness.ExportName(day), AtOnce with { RefusesToken = day == Day(2) });
        }

        var run = new RecordingSyncObserver();
        var refused = await Assert.ThrowsAsync<MaestroQAApiException>(() => _sync.RunAsync(SyncHarness.Raw(First, Day(5).From), run));

        Assert.Same(_sync.Api.Refusal, refused);
        DateTime refusedAt = Assert.Single(_sync.Api.CheckTimesOf(_sync.Api.Made[2].ExportId));
        Assert.All(_sync.Api.CallTimes, call => Assert.True(call.UtcDateTime <= refusedAt, $"A call at {call:O}, after the refusal at {refusedAt:O}."));
        SyncKindState state = _sync.State.Raw!;
        Assert.Equal(Day(2).From, state.SyncedTo);
        Assert.Equal(_sync.Api.Made.Skip(2).Select(made => (made.ExportId, made.StartDate!.Value, made.RequestedAt)), state.Windows.Select(window => (window.ExportId, window.From, window.RequestedAt)));
    }

    [Fact]
    public async Task AFailedRequest_StopsFurtherRequests_WarnsOfThoseNotSent_AndTheNextRunRequestsThem()
    {
        _sync.Api.Script(SyncHarness.ExportName(Day(2)), new WindowScript { RequestFails = true });

        RecordingSyncObserver first = await _sync.RunAsync(SyncHarness.Raw(First, Day(5).From));

        Assert.Equal(Days(0, 3).Select(SyncHarness.ExportName), _sync.Api.Requested);
        (SyncJob job, Exception error) = Assert.Single(first.Failed);
        Assert.Equal((Day(2), ApiErrorKind.ServerError), (job.Window, Assert.IsType<MaestroQAApiException>(error).Kind));
        Assert.Contains("2 window(s) were not requested after a request failed; the next run requests them.", first.Warnings);
        Assert.Equal((Day(2).From, 0), (_sync.State.Raw!.SyncedTo, _sync.State.Raw!.Windows.Count));

        _sync.Api.Script(SyncHarness.ExportName(Day(2)), new WindowScript());
        await _sync.RunAsync(SyncHarness.Raw(null, Day(5).From));

        Assert.Equal(Days(0, 3).Concat(Days(2, 3)).Select(SyncHarness.ExportName), _sync.Api.Requested);
        Assert.Equal((Day(5).From, 0), (_sync.State.Raw!.SyncedTo, _sync.State.Raw!.Windows.Count));
    }

    private static DateWindow[] WindowsOf(IEnumerable<MqaSyncWindow> landed) => landed.Select(window => new DateWindow(window.From, window.To)).OrderBy(window => window.From).ToArray();

    private static DateWindow Day(int index) => new(First.AddDays(index), First.AddDays(index + 1));

    private static DateWindow[] Days(int start, int count) => Enumerable.Range(start, count).Select(Day).ToArray();

    /// <summary>An export a run requested a day before this one, one a second in window order.</summary>
    private static MqaExport Requested(DateWindow window, string exportId) => new(exportId, ExportKind.Raw)
    {
        Name = SyncHarness.ExportName(window),
        StartDate = window.From,
        EndDate = window.To,
        RequestedAt = Now.UtcDateTime.AddDays(-1).AddSeconds((window.From - First).TotalDays),
    };

    private static RequestedWindow Pending(MqaExport export) =>
        new() { From = export.StartDate!.Value, To = export.EndDate!.Value, ExportId = export.ExportId, RequestedAt = export.RequestedAt };

    /// <summary>A folder synced up to <see cref="First"/> with these windows requested and not yet saved.</summary>
    private static SyncState StateWith(IEnumerable<RequestedWindow> pending) => new()
    {
        BaseUri = SyncHarness.BaseUri.AbsoluteUri,
        Raw = new SyncKindState
        {
            StartDate = First,
            SyncedTo = First,
            Options = SyncHarness.Raw(null, First).OptionsFor(ExportKind.Raw),
            Windows = [.. pending],
        },
    };

    private static string Described(RequestedWindow window) => $"{window.From:O} {window.To:O} {window.ExportId} {window.RequestedAt:O} {window.Done}";
}
