using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MaestroQA.Client.Api.Polling;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>
/// The cmdlets that can wait for exports to complete (Invoke-Mqa*Export -Wait, Wait-MqaExport, Sync-MqaExport): the one
/// place that declares and checks -Timeout and -PollInterval, and waits with progress on the client's one schedule.
/// </summary>
public abstract class ExportWaitCmdlet : MqaApiCmdlet
{
    /// <summary>How long to wait for one export to complete. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan Timeout { get; set; } = PollSchedule.DefaultTimeout;

    /// <summary>
    /// How long after its request an export is first checked, and the least time between two checks of it; later
    /// checks come after half the export's age, up to 30 s (or this, when longer). A number means seconds.
    /// </summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan PollInterval { get; set; } = PollSchedule.DefaultPollInterval;

    protected PollSchedule Schedule => PollSchedule.For(PollInterval, Timeout);

    protected override void BeginProcessing()
    {
        // ValidateRange takes no TimeSpan on Windows PowerShell 5.1, hence the checks here.
        if (Timeout < TimeSpan.FromSeconds(1))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidTimeout", $"-Timeout must be at least 1 second; got {Timeout}.", Timeout));
        }

        if (PollInterval < TimeSpan.FromMilliseconds(100))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidPollInterval", $"-PollInterval must be at least 0.1 second; got {PollInterval}.", PollInterval));
        }

        base.BeginProcessing();
    }

    /// <summary>Writes the export; with <paramref name="wait"/>, once it is complete (after writing the error when it errored or timed out).</summary>
    protected void Emit(MqaExport export, bool wait) => Emit([export], wait);

    /// <summary>
    /// Writes the exports in order; with <paramref name="wait"/>, each once it is complete. They are waited for together
    /// (one status check at a time, the oldest due first), so exports that run side by side on the server are seen as
    /// soon as each is done.
    /// </summary>
    protected void Emit(IReadOnlyList<MqaExport> exports, bool wait)
    {
        if (!wait)
        {
            exports.ToList().ForEach(WriteObject);
            return;
        }

        using var poller = new ExportPoller(Client.GetExportAsync, ResolvedSession.Transport.EasyLimiter.Policy, Schedule, this);
        List<Wait> waits = exports.Select(export => new Wait(this, poller, export)).ToList();
        try
        {
            foreach (Wait pending in waits)
            {
                if (TryCall(_ => pending.Complete, () => pending.Latest, out MqaExport complete))
                {
                    if (!complete.HasData)
                    {
                        WriteWarning($"Export {complete.ExportId} is complete but holds no data for its range{DescribeRange(complete)}; there is nothing to download.");
                    }

                    WriteObject(complete);
                }

                pending.Finish();
            }
        }
        finally
        {
            waits.ForEach(pending => pending.Finish());
        }
    }

    private static string DescribeRange(MqaExport export) =>
        export.StartDate is DateTime start && export.EndDate is DateTime end ? $" {start:u} to {end:u}" : string.Empty;

    /// <summary>One export waited for, with its progress bar and what its last check said (a failure's TargetObject shows that).</summary>
    private sealed class Wait
    {
        private readonly ExportWaitCmdlet _cmdlet;
        private readonly ProgressActivity _progress;
        private bool _finished;

        public Wait(ExportWaitCmdlet cmdlet, ExportPoller poller, MqaExport export)
        {
            _cmdlet = cmdlet;
            Latest = export;
            _progress = new ProgressActivity($"Waiting for {export}");
            Complete = poller.WaitAsync(export, OnChecked, cmdlet.StopToken);
        }

        public MqaExport Latest { get; private set; }

        public System.Threading.Tasks.Task<MqaExport> Complete { get; }

        public void Finish()
        {
            if (!_finished)
            {
                _finished = true;
                _cmdlet.WriteProgress(_progress.Done());
            }
        }

        private void OnChecked(MqaExport polled, TimeSpan elapsed)
        {
            Latest = polled;
            string status = $"{(polled.Status == ExportStatus.Unknown ? polled.ServerStatus : polled.Status.ToString())} after {elapsed.TotalSeconds:0} s";
            _cmdlet.Post(() => _cmdlet.WriteProgress(_progress.Step(status)));
        }
    }
}
