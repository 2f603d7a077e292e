using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>
/// Runs a plan as a pipeline: windows are requested one after another as fast as the demanding limit allows, while the
/// ones already requested are waited on (<see cref="ExportStatusPoller"/>) and downloaded, split into their tables and
/// moved into place. The state records each request at once and each window once its files are in place.
/// </summary>
public sealed class SyncRunner
{
    private readonly MaestroQAClient _client;
    private readonly SyncPlan _plan;
    private readonly SyncFolder _folder;
    private readonly SyncStateStore _store;
    private readonly SyncRequest _request;
    private readonly RateLimitPolicy _easyLimit;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _requestTurn = new(1, 1);
    private int _requested;
    private int _completed;
    private int _failed;
    private Exception? _fatal;

    public SyncRunner(MaestroQAClient client, SyncPlan plan, SyncRequest request, SyncFolder folder, string statePath, RateLimitPolicy easyLimit, TimeProvider? time = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _store = new SyncStateStore(statePath, plan.State);
        _easyLimit = easyLimit;
        _time = time ?? TimeProvider.System;
    }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one export may take to complete in this run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Downloads at a time: they are outside the API's limits, but share the machine's bandwidth and disk.</summary>
    public int MaxParallelDownloads { get; init; } = 2;

    /// <summary>Ends when every window is complete or failed; a refused token (401/403) or cancellation ends it at once.</summary>
    public async Task RunAsync(ISyncObserver observer, CancellationToken cancellationToken)
    {
        _folder.ResetWorkFolder();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var poller = new ExportStatusPoller(_client.GetExportAsync, _easyLimit, _time)
        {
            PollInterval = PollInterval,
            MaxPollInterval = MaxPollInterval,
            Timeout = Timeout,
        };
        using var downloads = new SemaphoreSlim(MaxParallelDownloads, MaxParallelDownloads);
        _requested = _plan.Jobs.Count(job => job.Export is not null);
        Report(observer);

        // In window order: the requests go out in it.
        var turns = _plan.Jobs
            .Where(job => job.Export is null)
            .Select(job => new KeyValuePair<SyncJob, TaskCompletionSource<MqaExport>>(job, new TaskCompletionSource<MqaExport>(TaskCreationOptions.RunContinuationsAsynchronously)))
            .ToList();
        var work = new List<Task> { RequestInOrderAsync(turns, observer, stop) };
        work.AddRange(_plan.Jobs.Select(job => RunJobAsync(job, turns.FirstOrDefault(turn => turn.Key == job).Value?.Task, poller, downloads, observer, stop)));
        try
        {
            await Task.WhenAll(work).ConfigureAwait(false);
        }
        finally
        {
            _folder.RemoveWorkFolder();
        }

        if (_fatal is not null)
        {
            throw _fatal;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>One request at a time, in window order: the limiter lets each go as soon as the demanding limit allows.</summary>
    private async Task RequestInOrderAsync(List<KeyValuePair<SyncJob, TaskCompletionSource<MqaExport>>> turns, ISyncObserver observer, CancellationTokenSource stop)
    {
        int left = turns.Count;
        foreach (KeyValuePair<SyncJob, TaskCompletionSource<MqaExport>> turn in turns)
        {
            if (stop.IsCancellationRequested)
            {
                turn.Value.TrySetCanceled();
                continue;
            }

            try
            {
                turn.Value.TrySetResult(await RequestAsync(turn.Key, observer, stop.Token).ConfigureAwait(false));
                left--;
            }
            catch (Exception ex)
            {
                turn.Value.TrySetException(ex);
                left--;

                // What refused one request would most likely refuse the next: stop asking; the next run goes on from here.
                foreach (TaskCompletionSource<MqaExport> rest in turns.Select(pair => pair.Value).Where(rest => !rest.Task.IsCompleted))
                {
                    rest.TrySetCanceled();
                }

                if (left > 0 && !stop.IsCancellationRequested)
                {
                    observer.Warning($"{left} window(s) were not requested after that failure; the next run requests them.");
                }

                return;
            }
        }
    }

    private async Task<MqaExport> RequestAsync(SyncJob job, ISyncObserver observer, CancellationToken cancellationToken)
    {
        await _requestTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (job.IsSnapshot)
            {
                DateTime taken = SyncPlanner.WholeSeconds(_time.GetUtcNow().UtcDateTime);
                job.From = taken;
                job.To = taken;
            }

            string name = SyncNames.ExportName(job.Kind, job.From, job.To);
            MqaExport export = job.Kind switch
            {
                ExportKind.Raw => await _client.RequestRawExportAsync(
                    new RawExportRequest(job.From, job.To) { Name = name, IncludeCalibrations = _request.IncludeCalibrations, IncludeGraderQA = _request.IncludeGraderQA ? true : null },
                    cancellationToken).ConfigureAwait(false),
                ExportKind.AuditLog => await _client.RequestAuditLogExportAsync(new AuditLogExportRequest(job.From, job.To) { Name = name }, cancellationToken).ConfigureAwait(false),
                _ => await _client.RequestGroupsExportAsync(new GroupsExportRequest { Name = name, IncludeUnavailable = _request.IncludeUnavailable ? true : null }, cancellationToken).ConfigureAwait(false),
            };

            // Recorded before anything waits on it: a run that dies from here on leaves an export to poll, not to request again.
            _store.Requested(job, export);
            Interlocked.Increment(ref _requested);
            Report(observer);
            return export;
        }
        finally
        {
            _requestTurn.Release();
        }
    }

    private async Task RunJobAsync(SyncJob job, Task<MqaExport>? turn, ExportStatusPoller poller, SemaphoreSlim downloads, ISyncObserver observer, CancellationTokenSource stop)
    {
        try
        {
            MqaExport export = turn is null ? Resumed(job) : await turn.ConfigureAwait(false);
            bool requestedAnew = false;
            bool linkRefreshed = false;
            while (true)
            {
                try
                {
                    MqaExport complete = await poller.WaitAsync(export, stop.Token).ConfigureAwait(false);
                    await LandAsync(job, complete, downloads, observer, stop.Token).ConfigureAwait(false);
                    return;
                }
                catch (MaestroQAApiException ex) when (ex.Kind == ApiErrorKind.NotFound && !requestedAnew)
                {
                    // The API no longer knows the export (its retention ran out): ask for the window again.
                    observer.Verbose($"{job}: MaestroQA no longer knows export {export.ExportId}; requesting the window anew.");
                    requestedAnew = true;
                    _store.Abandoned(job);
                    export = await RequestAsync(job, observer, stop.Token).ConfigureAwait(false);
                }
                catch (MaestroQAApiException ex) when (ex.Kind == ApiErrorKind.DownloadRefused && !linkRefreshed)
                {
                    // The presigned link expired between the check and the download: a new check hands out a fresh one.
                    observer.Verbose($"{job}: the download link of export {export.ExportId} was refused; checking the export again for a fresh one.");
                    linkRefreshed = true;
                    export = export with { Status = ExportStatus.InProgress, RequestedAt = default };
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested || turn is { IsCanceled: true })
        {
            // Stopped, or never requested after an earlier request failed: the state has it as it stood.
        }
        catch (Exception ex)
        {
            if (ex is MaestroQAApiException { Kind: ApiErrorKind.ExportFailed })
            {
                _store.Abandoned(job); // an errored export never completes: the next run requests the window anew
            }

            if (ex is MaestroQAApiException { IsTokenRefused: true })
            {
                Interlocked.CompareExchange(ref _fatal, ex, null);
                stop.Cancel();
                return;
            }

            Interlocked.Increment(ref _failed);
            observer.Failed(job, ex);
            Report(observer);
        }
    }

    private static MqaExport Resumed(SyncJob job) => new(job.Export!.ExportId, job.Kind)
    {
        Name = SyncNames.ExportName(job.Kind, job.From, job.To),
        StartDate = job.IsSnapshot ? null : job.From,
        EndDate = job.IsSnapshot ? null : job.To,
        RequestedAt = job.Export.RequestedAt,
    };

    /// <summary>Downloads, splits and moves the files into place, then records the window: in that order, always.</summary>
    private async Task LandAsync(SyncJob job, MqaExport complete, SemaphoreSlim downloads, ISyncObserver observer, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files = [];
        if (complete.HasData)
        {
            await downloads.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // The downloader checks the bytes (no error page, no damaged zip) before it names the file.
                SavedExport saved = await new ExportDownloader(_client).SaveToFolderAsync(complete, _folder.WorkFolder, overwrite: true, progress: null, cancellationToken).ConfigureAwait(false);
                string downloaded = saved.Path;
                IReadOnlyList<(ExportTable Table, string WorkFile)> tables = ExportSplitter.Split(downloaded, job.Kind, _folder, observer.Warning);
                cancellationToken.ThrowIfCancellationRequested();
                files = _folder.MoveIntoPlace(tables, SyncNames.WindowFile(job.From, job.To));
                if (File.Exists(downloaded))
                {
                    File.Delete(downloaded);
                }
            }
            finally
            {
                downloads.Release();
            }
        }

        DateTime requestedAt = job.Export!.RequestedAt;
        _store.Completed(job);
        Interlocked.Increment(ref _completed);
        observer.Completed(new MqaSyncWindow(job.Kind, job.From, job.To, complete.ExportId)
        {
            Files = files.ToArray(),
            Bytes = files.Sum(file => new FileInfo(file).Length),
            Duration = _time.GetUtcNow().UtcDateTime - requestedAt,
        });
        Report(observer);
    }

    private void Report(ISyncObserver observer) =>
        observer.Progress(new SyncProgress(_plan.Jobs.Count, Volatile.Read(ref _requested), Volatile.Read(ref _completed), Volatile.Read(ref _failed)));
}
