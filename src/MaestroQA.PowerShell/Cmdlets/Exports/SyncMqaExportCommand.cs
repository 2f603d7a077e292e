using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;
using MaestroQA.Client.Sync;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>
/// Keeps a folder in step with MaestroQA: each run requests the windows since the last one ended, lands each window's
/// tables as &lt;table&gt;/&lt;from&gt;_&lt;to&gt;.csv and records how far it got, so a run that dies is continued by the next.
/// </summary>
[Cmdlet(VerbsData.Sync, "MqaExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MqaSyncWindow))]
public sealed class SyncMqaExportCommand : ExportWaitCmdlet
{
    /// <summary>The folder the tables land in; created when missing. Its state file and lock live in it too.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public ExportKind[] Kind { get; set; } = [ExportKind.Raw];

    /// <summary>Where a kind's first sync starts; later runs continue from the state. A date without an offset is local time.</summary>
    [Parameter]
    [ApiDateTransformation]
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>Where this run stops; by default, and at the latest, now minus -Lag.</summary>
    [Parameter]
    [ApiDateTransformation]
    public DateTimeOffset? EndDate { get; set; }

    [Parameter]
    [ValidateRange(DateWindows.MinChunkDays, DateWindows.MaxChunkDays)]
    public int ChunkDays { get; set; } = 7;

    [Parameter]
    public CalibrationFilter? IncludeCalibrations { get; set; }

    [Parameter]
    public SwitchParameter IncludeGraderQA { get; set; }

    /// <summary>Groups snapshots: include agents not currently marked available.</summary>
    [Parameter]
    public SwitchParameter IncludeUnavailable { get; set; }

    /// <summary>How long grades are left to settle: a run syncs up to now minus this. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan Lag { get; set; } = SyncEnd.DefaultLag;

    /// <summary>The state file; by default .mqa-sync.json in -Path.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    /// <summary>Request again the windows the state records as empty (MaestroQA said twice it had no data for them).</summary>
    [Parameter]
    public SwitchParameter RedoEmptyWindows { get; set; }

    protected override void ProcessRecord()
    {
        if (Lag < TimeSpan.Zero)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidLag", $"-Lag cannot be negative; got {Lag}.", Lag));
        }

        string folder = GetUnresolvedProviderPathFromPSPath(Path);
        string statePath = StatePath is null ? SyncNames.DefaultStatePath(folder) : GetUnresolvedProviderPathFromPSPath(StatePath);
        if (File.Exists(folder))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidPath", $"-Path '{folder}' is a file; a sync needs a folder.", Path));
        }

        if (Directory.Exists(statePath))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidPath", $"-StatePath '{statePath}' is a folder; it names the state file.", StatePath));
        }

        SyncRequest request = BuildRequest();
        SyncPlan preview = Plan(statePath, request);
        if (!Confirm(preview, folder, out HashSet<string> confirmed))
        {
            return;
        }

        // Everything a run writes is checked first: an export requested that lands nowhere still costs the user.
        var syncFolder = new SyncFolder(folder);
        SyncLock folderLock = OpenFolder(syncFolder, request, statePath);
        try
        {
            // Under the lock, plan again from the state as it is now: a sync that ended meanwhile moved it on.
            SyncPlan plan = Plan(statePath, request, keep: job => confirmed.Contains(Key(job)));
            Run(plan, request, syncFolder, statePath);
        }
        finally
        {
            folderLock.Dispose();
        }
    }

    private SyncRequest BuildRequest()
    {
        DateTime end = SyncEnd.For(DateTime.UtcNow, Lag, EndDate?.UtcDateTime, out bool capped);
        if (capped)
        {
            WriteWarning($"-EndDate {ApiDateFormat.Format(EndDate!.Value)} is later than now minus -Lag ({Lag}); this run syncs up to {ApiDateFormat.Format(end)}.");
        }

        return new SyncRequest(Kind, ResolvedSession.BaseUri)
        {
            StartDate = StartDate?.UtcDateTime,
            EndDate = end,
            EndDateGiven = EndDate is not null && !capped,
            RedoEmptyWindows = RedoEmptyWindows,
            ChunkDays = ChunkDays,
            IncludeCalibrations = IncludeCalibrations,
            IncludeGraderQA = IncludeGraderQA,
            IncludeUnavailable = IncludeUnavailable,
        };
    }

    /// <summary>Reads the state and plans; any problem is a terminating error before anything is sent or written.</summary>
    private SyncPlan Plan(string statePath, SyncRequest request, Func<SyncJob, bool>? keep = null)
    {
        try
        {
            SyncPlan plan = SyncPlanner.Plan(SyncStateFile.Load(statePath), request);
            if (keep is null)
            {
                plan.Notes.ToList().ForEach(WriteVerbose);
                plan.Warnings.ToList().ForEach(WriteWarning);
            }

            return keep is null ? plan : plan.Keep(keep);
        }
        catch (Exception ex) when (ex is SyncStateException or MaestroQAInputException or IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, ex is MaestroQAInputException ? request : statePath));
            throw; // not reached
        }
    }

    /// <summary>
    /// -WhatIf lists every window and stops; -Confirm asks window by window, and a No ends the run before that window
    /// (windows are synced in order). Returns the windows to run, by key.
    /// </summary>
    private bool Confirm(SyncPlan plan, string folder, out HashSet<string> confirmed)
    {
        confirmed = [];
        bool whatIf = false;
        foreach (SyncJob job in plan.Jobs)
        {
            string action = job.Pending is PendingExport pending
                ? $"Wait for export {pending.ExportId} (already requested) and save its tables in '{folder}'"
                : $"Request the export{(job.RedoesEmpty ? " again (it was empty)" : string.Empty)} and save its tables in '{folder}'";
            if (ShouldProcess($"{action}: {job}.", $"{action}?", $"Sync {job}", out ShouldProcessReason reason))
            {
                confirmed.Add(Key(job));
                continue;
            }

            whatIf = reason == ShouldProcessReason.WhatIf;
            if (!whatIf)
            {
                break;
            }
        }

        if (whatIf || Confirmation.WhatIfAsked(this))
        {
            // Shown so that a transient empty answer can be seen, and redone with -RedoEmptyWindows.
            foreach ((ExportKind kind, EmptyWindow empty) in plan.EmptyWindows(Kind))
            {
                ShouldProcess(
                    $"Keep as synced with no data: {kind} {empty.From:u} to {empty.To:u} (MaestroQA twice reported export {empty.ExportId} complete and empty, last at {empty.ConfirmedAt:u}); -RedoEmptyWindows requests it again.",
                    string.Empty,
                    string.Empty);
            }
        }

        if (plan.Jobs.Count == 0)
        {
            WriteVerbose($"'{folder}' is up to date: nothing to request.");
        }

        return !whatIf && confirmed.Count > 0;
    }

    /// <summary>The folder's checks and lock before the run; their failure (a lock held, a path that cannot be written) ends the command.</summary>
    private SyncLock OpenFolder(SyncFolder folder, SyncRequest request, string statePath)
    {
        try
        {
            return folder.Open(request.Kinds, statePath);
        }
        catch (Exception ex) when (ex is SyncLockedException or ExportFileException)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, folder.Root));
            throw; // not reached
        }
    }

    private void Run(SyncPlan plan, SyncRequest request, SyncFolder folder, string statePath)
    {
        var runner = new SyncRunner(Client, plan, request, folder, statePath, ResolvedSession.Transport.EasyLimiter.Policy, Schedule)
        {
            CurrentBaseUri = () => ResolvedSession.Transport.BaseUri,
        };
        var observer = new SyncObserver(this, folder.Root);
        try
        {
            TryCall(token => runner.RunAsync(observer, token), folder.Root);
        }
        finally
        {
            observer.Finish();
        }
    }

    private static string Key(SyncJob job) => job.IsSnapshot ? "Groups" : $"{job.Kind}|{job.From.Ticks}|{job.To.Ticks}|{job.RedoesEmpty}";

    /// <summary>Posts the run's reports to the pipeline thread: windows as output, progress, failures as errors.</summary>
    private sealed class SyncObserver : ISyncObserver
    {
        private readonly SyncMqaExportCommand _cmdlet;
        private readonly ProgressActivity _progress;

        public SyncObserver(SyncMqaExportCommand cmdlet, string folder)
        {
            _cmdlet = cmdlet;
            _progress = new ProgressActivity($"Syncing MaestroQA exports to {folder}");
        }

        public void Progress(SyncProgress progress) => _cmdlet.Post(() =>
        {
            int waiting = progress.Requested - progress.Completed - progress.Failed;
            string status = $"{progress.Completed} of {progress.Total} window(s) done, {Math.Max(waiting, 0)} requested and pending, {progress.Failed} failed";
            _cmdlet.WriteProgress(_progress.Step(status, progress.Total == 0 ? 100 : progress.Completed * 100 / progress.Total));
        });

        public void Completed(MqaSyncWindow window) => _cmdlet.Post(() =>
        {
            if (window.Files.Length == 0)
            {
                _cmdlet.WriteWarning($"{window.Kind} export {window.ExportId} for {ApiDateFormat.Format(window.From)} to {ApiDateFormat.Format(window.To)} is complete with no data: the window is synced, and no file was written.");
            }

            _cmdlet.WriteObject(window);
        });

        public void Failed(SyncJob job, Exception error) => _cmdlet.Post(() =>
        {
            ErrorRecord record = ErrorRecords.From(error, job);
            record.ErrorDetails = new ErrorDetails($"{job} was not synced: {error.Message} The state keeps the folder's place; the next run tries this window again.");
            _cmdlet.WriteError(record);
        });

        public void Verbose(string message) => _cmdlet.Post(() => _cmdlet.WriteVerbose(message));

        public void Warning(string message) => _cmdlet.Post(() => _cmdlet.WriteWarning(message));

        public void Finish()
        {
            _cmdlet.WriteProgress(_progress.Done());
        }
    }
}
