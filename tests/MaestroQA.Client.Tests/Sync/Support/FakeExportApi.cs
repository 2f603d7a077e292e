using MaestroQA.Client.Api;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>
/// A MaestroQA that keeps time on a fake clock. Each export completes <see cref="WindowScript.CompletesAfter"/> after
/// its request, as its window's script says (looked up by the export's name, <c>SyncNames.ExportName</c>); requests
/// are paced like the demanding limit, one per <see cref="RequestSpacing"/>, so virtual time means something. An id it
/// did not make (or has forgotten) answers a status check with NotFound, as MaestroQAClient does after both routes.
/// It counts requests per export name and status checks and downloads per export id, and notes the virtual time of
/// every call.
/// </summary>
internal sealed class FakeExportApi : IExportApi
{
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private readonly Dictionary<string, WindowScript> _scripts = [];
    private readonly Dictionary<string, ServerExport> _exports = [];
    private readonly List<string> _requested = [];
    private readonly List<MqaExport> _made = [];
    private readonly Dictionary<string, List<DateTime>> _checks = [];
    private readonly Dictionary<string, int> _downloads = [];
    private readonly List<DateTimeOffset> _calls = [];
    private DateTimeOffset _nextRequestAt = DateTimeOffset.MinValue;
    private int _lastId;

    public FakeExportApi(TimeProvider clock) => _clock = clock;

    /// <summary>The least time between two requests: the demanding limit, one a second.</summary>
    public TimeSpan RequestSpacing { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The names of the exports requested, in the order the requests reached the server.</summary>
    public IReadOnlyList<string> Requested => Locked(() => _requested.ToArray());

    /// <summary>Every export it made, in order, as its request answered (or would have: a failed request's too).</summary>
    public IReadOnlyList<MqaExport> Made => Locked(() => _made.ToArray());

    /// <summary>The ids status checks asked about, each once.</summary>
    public IReadOnlyCollection<string> CheckedIds => Locked(() => _checks.Keys.ToArray());

    /// <summary>The virtual time of every request, status check and download, in order.</summary>
    public IReadOnlyList<DateTimeOffset> CallTimes => Locked(() => _calls.ToArray());

    /// <summary>The 401 a status check answered, once one has.</summary>
    public MaestroQAApiException? Refusal { get; private set; }

    /// <summary>The export of the window named <paramref name="exportName"/> behaves as <paramref name="script"/> says (from its next request).</summary>
    public void Script(string exportName, WindowScript script) => Locked(() => _scripts[exportName] = script);

    /// <summary>An export an earlier run requested, which the server still knows.</summary>
    public void Knows(MqaExport export) => Locked(() => _exports[export.ExportId] = new ServerExport(export, ScriptFor(export.Name!)));

    public int RequestsFor(string exportName) => Locked(() => _requested.Count(name => name == exportName));

    public int ChecksOf(string exportId) => CheckTimesOf(exportId).Count;

    /// <summary>When (UTC) the export was checked, in order.</summary>
    public IReadOnlyList<DateTime> CheckTimesOf(string exportId) => Locked(() => _checks.GetValueOrDefault(exportId)?.ToArray() ?? []);

    public int DownloadsOf(string exportId) => Locked(() => _downloads.GetValueOrDefault(exportId));

    public Task<MqaExport> RequestRawExportAsync(RawExportRequest request, CancellationToken cancellationToken = default) =>
        RequestAsync(new MqaExport(string.Empty, ExportKind.Raw) { Name = request.Name, StartDate = request.StartDate.UtcDateTime, EndDate = request.EndDate.UtcDateTime }, cancellationToken);

    public Task<MqaExport> RequestGroupsExportAsync(GroupsExportRequest request, CancellationToken cancellationToken = default) =>
        RequestAsync(new MqaExport(string.Empty, ExportKind.Groups) { Name = request.Name }, cancellationToken);

    public Task<MqaExport> RequestAuditLogExportAsync(AuditLogExportRequest request, CancellationToken cancellationToken = default) =>
        RequestAsync(new MqaExport(string.Empty, ExportKind.AuditLog) { Name = request.Name, StartDate = request.StartDate.UtcDateTime, EndDate = request.EndDate.UtcDateTime }, cancellationToken);

    public Task<MqaExport> GetExportAsync(MqaExport export, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(Locked(() => Check(export, cancellationToken)));
        }
        catch (Exception ex)
        {
            return Task.FromException<MqaExport>(ex);
        }
    }

    public Task<long> DownloadExportAsync(MqaExport export, Stream destination, Action<long, long?>? progress = null, CancellationToken cancellationToken = default)
    {
        byte[] bytes = Locked(() =>
        {
            Called();
            int downloads = _downloads[export.ExportId] = _downloads.GetValueOrDefault(export.ExportId) + 1;
            ServerExport known = _exports[export.ExportId];
            return known.Script.ServesHtmlOnce && downloads == 1
                ? System.Text.Encoding.UTF8.GetBytes(FakeExportFiles.ErrorPage)
                : FakeExportFiles.For(known.Export.Kind!.Value, known.Export.Name!, known.Script.Rows);
        });
        destination.Write(bytes);
        progress?.Invoke(bytes.Length, bytes.Length);
        return Task.FromResult((long)bytes.Length);
    }

    private async Task<MqaExport> RequestAsync(MqaExport asked, CancellationToken cancellationToken)
    {
        TimeSpan wait = Locked(() =>
        {
            DateTimeOffset now = _clock.GetUtcNow();
            DateTimeOffset slot = now > _nextRequestAt ? now : _nextRequestAt;
            _nextRequestAt = slot + RequestSpacing;
            return slot - now;
        });
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, cancellationToken);
        }

        return Locked(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var made = new MqaExport($"exp_{++_lastId}", asked.Kind) { Name = asked.Name, StartDate = asked.StartDate, EndDate = asked.EndDate, RequestedAt = Called() };
            WindowScript script = ScriptFor(made.Name!);
            _requested.Add(made.Name!);
            _made.Add(made);
            _exports[made.ExportId] = new ServerExport(made, script);
            return script.RequestFails
                ? throw new MaestroQAApiException(ApiErrorKind.ServerError, "MaestroQA answered the export request with 503 (ServiceUnavailable); it may have made the export.", 503)
                : made;
        });
    }

    private MqaExport Check(MqaExport export, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DateTime now = Called();
        _checks.TryAdd(export.ExportId, []);
        _checks[export.ExportId].Add(now);
        if (!_exports.TryGetValue(export.ExportId, out ServerExport? known))
        {
            throw new MaestroQAApiException(ApiErrorKind.NotFound, $"MaestroQA knows no export '{export.ExportId}': both status routes answered 404.", 404);
        }

        if (known.Script.RefusesToken)
        {
            throw Refusal ??= new MaestroQAApiException(ApiErrorKind.Unauthorized, "MaestroQA refused the token (401 Unauthorized).", 401);
        }

        (ExportStatus status, string serverStatus, bool data) = known.StatusAt(now);
        return export with
        {
            Status = status,
            ServerStatus = serverStatus,
            DataUrl = data ? $"https://storage.example/{export.ExportId}.bin" : string.Empty,
            CheckedAt = now,
        };
    }

    private WindowScript ScriptFor(string exportName) => _scripts.GetValueOrDefault(exportName) ?? new WindowScript();

    /// <summary>Notes a call at the clock's time; returns that time (UTC).</summary>
    private DateTime Called()
    {
        DateTimeOffset now = _clock.GetUtcNow();
        _calls.Add(now);
        return now.UtcDateTime;
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }

    /// <summary>An export as the server has it.</summary>
    private sealed class ServerExport(MqaExport export, WindowScript script)
    {
        private int _completeAnswers;

        public MqaExport Export { get; } = export;

        public WindowScript Script { get; } = script;

        public (ExportStatus Status, string ServerStatus, bool HasData) StatusAt(DateTime now)
        {
            if (now - Export.RequestedAt < Script.CompletesAfter)
            {
                return (ExportStatus.InProgress, "in_progress", false);
            }

            int answer = ++_completeAnswers;
            switch (Script.Outcome)
            {
                case ExportOutcome.Errored:
                    return (ExportStatus.Errored, "errored", false);
                case ExportOutcome.Empty:
                case ExportOutcome.EmptyOnce or ExportOutcome.EmptyThenErrored or ExportOutcome.EmptyThenInProgress when answer == 1:
                    return (ExportStatus.Complete, "complete", false);
                case ExportOutcome.EmptyThenErrored:
                    return (ExportStatus.Errored, "errored", false);
                case ExportOutcome.EmptyThenInProgress when answer == 2:
                    return (ExportStatus.InProgress, "in_progress", false);
                default:
                    return (ExportStatus.Complete, "complete", true);
            }
        }
    }
}
