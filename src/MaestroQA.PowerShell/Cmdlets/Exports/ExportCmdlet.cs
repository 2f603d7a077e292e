using System;
using System.Management.Automation;
using System.Threading;
using MaestroQA.Client.Api;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>
/// What the export cmdlets share: waiting for an export to complete, with progress, for those that take
/// -Timeout and -PollInterval (<see cref="IExportWaitOptions"/>).
/// </summary>
public abstract class ExportCmdlet : MqaApiCmdlet
{
    private static int _nextActivityId;

    protected override void BeginProcessing()
    {
        // ValidateRange takes no TimeSpan on Windows PowerShell 5.1, hence the checks here.
        if (this is IExportWaitOptions options)
        {
            if (options.Timeout < TimeSpan.FromSeconds(1))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidTimeout", $"-Timeout must be at least 1 second; got {options.Timeout}.", options.Timeout));
            }

            if (options.PollInterval < TimeSpan.FromMilliseconds(100))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidPollInterval", $"-PollInterval must be at least 0.1 second; got {options.PollInterval}.", options.PollInterval));
            }
        }

        base.BeginProcessing();
    }

    /// <summary>Waits for the export, showing progress; returns null after writing the error when it errored or timed out.</summary>
    private protected MqaExport? WaitForExport(MqaExport export, IExportWaitOptions options)
    {
        int activityId = Interlocked.Increment(ref _nextActivityId);
        string activity = $"Waiting for {export}";
        var waiter = new ExportWaiter(Client)
        {
            Timeout = options.Timeout,
            PollInterval = options.PollInterval,
            MaxPollInterval = options.PollInterval > TimeSpan.FromSeconds(30) ? options.PollInterval : TimeSpan.FromSeconds(30),
        };
        // What the last poll said, so a failure's TargetObject shows the export as it stood (Errored, InProgress).
        MqaExport latest = export;
        try
        {
            MqaExport complete = Await(waiter.WaitAsync(
                export,
                (polled, elapsed) =>
                {
                    latest = polled;
                    Post(() => WriteProgress(new ProgressRecord(activityId, activity, $"{polled.Status} after {elapsed.TotalSeconds:0} s")));
                },
                StopToken));
            if (!complete.HasData)
            {
                WriteWarning($"Export {complete.ExportId} is complete but holds no data for its range{DescribeRange(complete)}; there is nothing to download.");
            }

            return complete;
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteFailure(ex, latest);
            return null;
        }
        finally
        {
            WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private static string DescribeRange(MqaExport export) =>
        export.StartDate is DateTime start && export.EndDate is DateTime end ? $" {start:u} to {end:u}" : string.Empty;
}
