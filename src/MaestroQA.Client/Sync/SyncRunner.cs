using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api;
using MaestroQA.Client.Api.Polling;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>
/// Runs a plan as a pipeline: windows are requested one after another, oldest first, as fast as the demanding limit
/// allows (<see cref="SyncRequestQueue"/>), while the ones already requested are waited on (<see cref="ExportPoller"/>)
/// and downloaded, split into their tables and moved into place. The state records each request at once and each
/// window once its files are in place.
/// </summary>
public sealed class SyncRunner
{
    private readonly IExportApi _api;
    private readonly SyncPlan _plan;
    private readonly SyncFolder _folder;
    private readonly SyncStateStore _store;
    private readonly SyncRequest _request;
    private readonly RateLimitPolicy _easyLimit;
    private readonly PollSchedule _schedule;
    private readonly TimeProvider _time;
    private readonly SyncRequestQueue _queue = new();
    private int _requested;
    private int _completed;
    private int _failed;
    private Exception? _fatal;

    public SyncRunner(IExportApi api, SyncPlan plan, SyncRequest request, SyncFolder folder, string statePath, RateLimitPolicy easyLimit, PollSchedule? schedule = null, TimeProvider? time = null)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _store = new SyncStateStore(statePath, plan.State);
        _easyLimit = easyLimit;
        _schedule = schedule ?? PollSchedule.Default;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The API's base as the connection now has it (it moves after a permanent redirect); the state records where it went.</summary>
    public Func<Uri>? CurrentBaseUri
    {
        get => _store.CurrentBaseUri;
        init => _store.CurrentBaseUri = value;
    }

    /// <summary>Downloads at a time: they are outside the API's limits, but share the machine's bandwidth and disk.</summary>
    public int MaxParallelDownloads { get; init; } = 2;

    /// <summary>Ends when every window is complete or failed; a refused token (401/403) or cancellation ends it at once.</summary>
    public async Task RunAsync(ISyncObserver observer, CancellationToken cancellationToken)
    {
        _folder.ResetWorkFolder();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var poller = new ExportPoller(_api.GetExportAsync, _easyLimit, _schedule, observer, _time);
        using var downloads = new SemaphoreSlim(MaxParallelDownloads, MaxParallelDownloads);
        _requested = _plan.Jobs.Count(job => job.Pending is not null);
        Report(observer);

        // An export an earlier run requested may be forgotten, and is then requested anew: later windows wait for its check.
        for (int order = 0; order < _plan.Jobs.Count; order++)
        {
            if (_plan.Jobs[order].Pending is not null)
            {
                _queue.Hold(order);
            }
        }

        Task requests = _queue.RunAsync((job, token) => RequestAsync(job, observer, token), stop.Token);
        var context = new RunContext(poller, downloads, observer, stop);
        Task[] jobs = _plan.Jobs.Select((job, order) => RunJobAsync(job, order, context)).ToArray();
        try
        {
            await Task.WhenAll(jobs).ConfigureAwait(false);
            _queue.Close();
            await requests.ConfigureAwait(false);
        }
        finally
        {
            _folder.RemoveWorkFolder();
        }

        if (_fatal is not null)
        {
            throw _fatal;
        }

        if (_queue.NotRequested > 0 && !stop.IsCancellationRequested)
        {
            observer.Warning($"{_queue.NotRequested} window(s) were not requested after a request failed; the next run requests them.");
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<SyncJob> RequestAsync(SyncJob job, ISyncObserver observer, CancellationToken cancellationToken)
    {
        if (job.IsSnapshot)
        {
            DateTime taken = SyncPlanner.WholeSeconds(_time.GetUtcNow().UtcDateTime);
            job = job with { Window = new DateWindow(taken, taken) };
        }

        string name = SyncNames.ExportName(job.Kind, job.From, job.To);
        MqaExport export = job.Kind switch
        {
            ExportKind.Raw => await _api.RequestRawExportAsync(
                new RawExportRequest(job.From, job.To) { Name = name, IncludeCalibrations = _request.IncludeCalibrations, IncludeGraderQA = _request.IncludeGraderQA ? true : null },
                cancellationToken).ConfigureAwait(false),
            ExportKind.AuditLog => await _api.RequestAuditLogExportAsync(new AuditLogExportRequest(job.From, job.To) { Name = name }, cancellationToken).ConfigureAwait(false),
            _ => await _api.RequestGroupsExportAsync(new GroupsExportRequest { Name = name, IncludeUnavailable = _request.IncludeUnavailable ? true : null }, cancellationToken).ConfigureAwait(false),
        };

        // Recorded before anything waits on it: a run that dies from here on leaves an export to poll, not to request again.
        SyncJob requested = _store.Requested(job, export);
        Interlocked.Increment(ref _requested);
        Report(observer);
        return requested;
    }

    private async Task RunJobAsync(SyncJob job, int order, RunContext run)
    {
        var firstCheck = new FirstCheck(_queue, order, resumed: job.Pending is not null);
        try
        {
            if (job.Pending is null)
            {
                if (await _queue.RequestAsync(job, order).ConfigureAwait(false) is not SyncJob requested)
                {
                    return; // not requested: the state has the window as it stood
                }

                job = requested;
            }

            bool requestedAnew = false;
            bool linkRefreshed = false;
            while (true)
            {
                MqaExport export = ExportOf(job);
                try
                {
                    MqaExport complete = await run.Poller.WaitAsync(export, (_, _) => firstCheck.Done(), run.Stop.Token).ConfigureAwait(false);
                    if (!complete.HasData)
                    {
                        complete = await ConfirmEmptyAsync(complete, run).ConfigureAwait(false);
                    }

                    await LandAsync(job, complete, run).ConfigureAwait(false);
                    return;
                }
                catch (MaestroQAApiException ex) when (ex.Kind == ApiErrorKind.NotFound && !requestedAnew)
                {
                    // The API no longer knows the export (its retention ran out): ask for the window again, in its turn.
                    run.Observer.Verbose($"{job}: MaestroQA no longer knows export {export.ExportId}; requesting the window anew.");
                    requestedAnew = true;
                    job = _store.Abandoned(job);
                    Interlocked.Decrement(ref _requested); // no longer requested: its new request counts it again
                    Task<SyncJob?> turn = _queue.RequestAsync(job, order);
                    firstCheck.Done();
                    if (await turn.ConfigureAwait(false) is not SyncJob again)
                    {
                        return;
                    }

                    job = again;
                }
                catch (MaestroQAApiException ex) when (ex.Kind is ApiErrorKind.DownloadRefused or ApiErrorKind.UnexpectedResponse && !linkRefreshed && ex.StatusCode is null or 200 or 403 or 404 or 410)
                {
                    // The presigned link expired between the check and the download, or storage served an error page:
                    // a new check hands out a fresh link.
                    run.Observer.Verbose($"{job}: the download of export {export.ExportId} failed ({ex.Message}); checking the export again for a fresh link.");
                    linkRefreshed = true;
                }
            }
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
            // Stopped: the state has the window as it stood.
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
                run.Stop.Cancel();
                return;
            }

            Interlocked.Increment(ref _failed);
            run.Observer.Failed(job, ex);
            Report(run.Observer);
        }
        finally
        {
            firstCheck.Done();
        }
    }

    /// <summary>
    /// Complete with no data marks the window synced for good, so it must be said twice in a row: the export is checked
    /// again, and a second complete answer is the one landed (empty, or with the data that came meanwhile). Errored fails
    /// as any errored export; not yet complete is waited for again, a bounded number of times.
    /// </summary>
    private async Task<MqaExport> ConfirmEmptyAsync(MqaExport complete, RunContext run)
    {
        const int Rounds = 3;
        for (int round = 0; round < Rounds; round++)
        {
            MqaExport again = await _api.GetExportAsync(complete, run.Stop.Token).ConfigureAwait(false);
            switch (again.Status)
            {
                case ExportStatus.Complete:
                    return again;
                case ExportStatus.Errored:
                    throw ExportWaitErrors.Errored(again);
            }

            complete = await run.Poller.WaitAsync(again, cancellationToken: run.Stop.Token).ConfigureAwait(false);
            if (complete.HasData)
            {
                return complete;
            }
        }

        throw new MaestroQAApiException(
            ApiErrorKind.UnexpectedResponse,
            $"MaestroQA reported export {complete.ExportId} complete with no data, then not complete, {Rounds} times; the window is left for the next run.");
    }

    private MqaExport ExportOf(SyncJob job) => new(job.Pending!.Value.ExportId, job.Kind)
    {
        Name = SyncNames.ExportName(job.Kind, job.From, job.To),
        StartDate = job.IsSnapshot ? null : job.From,
        EndDate = job.IsSnapshot ? null : job.To,
        RequestedAt = job.Pending.Value.RequestedAt,
    };

    /// <summary>Downloads, splits and moves the files into place, then records the window: in that order, always.</summary>
    private async Task LandAsync(SyncJob job, MqaExport complete, RunContext run)
    {
        IReadOnlyList<string> files = [];
        if (complete.HasData)
        {
            await run.Downloads.WaitAsync(run.Stop.Token).ConfigureAwait(false);
            try
            {
                files = await DownloadAndPlaceAsync(job, complete, run).ConfigureAwait(false);
            }
            finally
            {
                run.Downloads.Release();
            }
        }

        DateTime now = _time.GetUtcNow().UtcDateTime;
        _store.Completed(job, complete.HasData ? null : new EmptyWindow { From = job.From, To = job.To, ExportId = complete.ExportId, ConfirmedAt = now });
        Interlocked.Increment(ref _completed);
        run.Observer.Completed(new MqaSyncWindow(job.Kind, job.From, job.To, complete.ExportId)
        {
            Files = files.ToArray(),
            Bytes = files.Sum(file => new FileInfo(file).Length),
            Duration = now - job.Pending!.Value.RequestedAt,
        });
        Report(run.Observer);
    }

    private async Task<IReadOnlyList<string>> DownloadAndPlaceAsync(SyncJob job, MqaExport complete, RunContext run)
    {
        // The downloader checks the bytes (no error page, no damaged zip) before it names the file.
        SavedExport saved = await new ExportDownloader(_api).SaveToFolderAsync(complete, _folder.WorkFolder, overwrite: true, progress: null, run.Stop.Token).ConfigureAwait(false);
        IReadOnlyList<(ExportTable Table, AtomicFile File)> tables = ExportSplitter.Split(saved.Path, job.Kind, _folder, run.Observer.Warning);
        try
        {
            foreach ((ExportTable table, AtomicFile file) in tables)
            {
                using FileStream csv = File.OpenRead(file.TemporaryPath);
                if (ExportRowCap.WarningFor(csv, table, $"The window {job}") is string warning)
                {
                    run.Observer.Warning(warning);
                }
            }

            run.Stop.Token.ThrowIfCancellationRequested();
            return _folder.MoveIntoPlace(tables, SyncNames.WindowFile(job.From, job.To));
        }
        finally
        {
            foreach ((_, AtomicFile file) in tables)
            {
                file.Dispose();
            }

            File.Delete(saved.Path);
        }
    }

    private void Report(ISyncObserver observer) =>
        observer.Progress(new SyncProgress(_plan.Jobs.Count, Volatile.Read(ref _requested), Volatile.Read(ref _completed), Volatile.Read(ref _failed)));

    /// <summary>What every window's task of one run shares.</summary>
    private sealed record RunContext(ExportPoller Poller, SemaphoreSlim Downloads, ISyncObserver Observer, CancellationTokenSource Stop);

    /// <summary>Lifts a resumed window's hold on the queue once its export has been checked (or the window is done with).</summary>
    private sealed class FirstCheck(SyncRequestQueue queue, int order, bool resumed)
    {
        private int _done = resumed ? 0 : 1;

        public void Done()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                queue.Release(order);
            }
        }
    }
}
