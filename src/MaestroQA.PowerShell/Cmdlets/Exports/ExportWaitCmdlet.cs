using System;
using System.Management.Automation;
using MaestroQA.Client.Api;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>
/// The cmdlets that can wait for an export to complete (Invoke-Mqa*Export -Wait, Wait-MqaExport): the one place that
/// declares and checks -Timeout and -PollInterval, and waits with progress.
/// </summary>
public abstract class ExportWaitCmdlet : MqaApiCmdlet
{
    /// <summary>How long to wait for one export to complete. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first pause between status checks; later ones grow by half, up to 30 s. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause between status checks: 30 s, or -PollInterval when that is longer.</summary>
    protected TimeSpan MaxPollInterval => PollInterval > TimeSpan.FromSeconds(30) ? PollInterval : TimeSpan.FromSeconds(30);

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
    protected void Emit(MqaExport export, bool wait)
    {
        if (!wait)
        {
            WriteObject(export);
            return;
        }

        int activityId = ProgressActivity.NextId();
        string activity = $"Waiting for {export}";
        var waiter = new ExportWaiter(Client, log: this)
        {
            Timeout = Timeout,
            PollInterval = PollInterval,
            MaxPollInterval = MaxPollInterval,
        };

        // What the last poll said, so a failure's TargetObject shows the export as it stood (Errored, InProgress).
        MqaExport latest = export;
        void OnPoll(MqaExport polled, TimeSpan elapsed)
        {
            latest = polled;
            Post(() => WriteProgress(new ProgressRecord(activityId, activity, $"{(polled.Status == ExportStatus.Unknown ? polled.ServerStatus : polled.Status.ToString())} after {elapsed.TotalSeconds:0} s")));
        }

        try
        {
            if (TryCall(token => waiter.WaitAsync(export, OnPoll, token), () => latest, out MqaExport complete))
            {
                if (!complete.HasData)
                {
                    WriteWarning($"Export {complete.ExportId} is complete but holds no data for its range{DescribeRange(complete)}; there is nothing to download.");
                }

                WriteObject(complete);
            }
        }
        finally
        {
            WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private static string DescribeRange(MqaExport export) =>
        export.StartDate is DateTime start && export.EndDate is DateTime end ? $" {start:u} to {end:u}" : string.Empty;
}
