using MaestroQA.Client.Api.Polling;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;
using MaestroQA.Client.Sync;
using MaestroQA.Client.Tests.Exports;
using MaestroQA.Client.Tests.RateLimiting;

namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>
/// A sync folder of its own, a fake MaestroQA and a fake clock that moves only while the run is idle: each run is
/// planned from the folder's state file, as Sync-MqaExport plans it, and run with the easy limit's poll spacing.
/// </summary>
internal sealed class SyncHarness : IDisposable
{
    public static readonly Uri BaseUri = new("https://app.maestroqa.com/api/v1/");

    private readonly TempDirectory _folder = new();
    private readonly IdleDrivenClock _time;

    public SyncHarness(DateTimeOffset now)
    {
        _time = new IdleDrivenClock(now);
        Api = new FakeExportApi(Clock);
    }

    public SteppingTimeProvider Clock => _time.Clock;

    public FakeExportApi Api { get; }

    public SyncFolder Folder => new(_folder.Path);

    public string StatePath => SyncNames.DefaultStatePath(_folder.Path);

    /// <summary>The state file as the run left it.</summary>
    public SyncState State => SyncStateFile.Load(StatePath) ?? throw new InvalidOperationException("The run wrote no state.");

    /// <summary>A sync of raw exports in daily windows.</summary>
    public static SyncRequest Raw(DateTime? start, DateTime end) => Request(start, end, ExportKind.Raw);

    public static SyncRequest Request(DateTime? start, DateTime end, params ExportKind[] kinds) => new(kinds, BaseUri) { StartDate = start, EndDate = end, ChunkDays = 1 };

    public static string ExportName(DateWindow window) => ExportName(ExportKind.Raw, window);

    public static string ExportName(ExportKind kind, DateWindow window) => SyncNames.ExportName(kind, window.From, window.To);

    /// <summary>Where a window's file of <paramref name="table"/> lands.</summary>
    public string FileOf(ExportTable table, DateWindow window) => Path.Combine(Folder.TableFolder(table), SyncNames.WindowFile(window.From, window.To));

    public void Save(SyncState state) => SyncStateFile.Save(StatePath, state);

    public async Task<RecordingSyncObserver> RunAsync(SyncRequest request)
    {
        var observer = new RecordingSyncObserver();
        await RunAsync(request, observer);
        return observer;
    }

    public Task RunAsync(SyncRequest request, RecordingSyncObserver observer)
    {
        SyncPlan plan = SyncPlanner.Plan(SyncStateFile.Load(StatePath), request);
        var runner = new SyncRunner(Api, plan, request, Folder, StatePath, RateLimitPolicy.Easy, PollSchedule.Default, Clock);
        return _time.RunAsync(() => runner.RunAsync(observer, CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();
}
