using System;
using System.Management.Automation;
using System.Threading;
using MaestroQA.Client.Api;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>What every cmdlet that waits for exports shares: -Timeout, -PollInterval and the wait itself.</summary>
public abstract class ExportCmdlet : MqaApiCmdlet
{
    private static int _nextActivityId;

    /// <summary>How long to wait for one export to complete. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    [ValidateRange(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first pause between status checks; later ones grow by half, up to 30 s. A number means seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    [ValidateRange(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Waits for the export, showing progress; returns null after writing the error when it errored or timed out.</summary>
    protected MqaExport? WaitForExport(MqaExport export)
    {
        int activityId = Interlocked.Increment(ref _nextActivityId);
        string activity = $"Waiting for {export}";
        var waiter = new ExportWaiter(Client)
        {
            Timeout = Timeout,
            PollInterval = PollInterval,
            MaxPollInterval = PollInterval > TimeSpan.FromSeconds(30) ? PollInterval : TimeSpan.FromSeconds(30),
        };
        try
        {
            MqaExport complete = Await(waiter.WaitAsync(
                export,
                (polled, elapsed) => Post(() => WriteProgress(new ProgressRecord(activityId, activity, $"{polled.Status} after {elapsed.TotalSeconds:0} s"))),
                Stopping));
            if (!complete.HasData)
            {
                WriteWarning($"Export {complete.ExportId} is complete but holds no data for its range{DescribeRange(complete)}; there is nothing to download.");
            }

            return complete;
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteFailure(ex, export);
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
