using System;
using System.Management.Automation;
using MaestroQA.Client.Transport;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Exports over a date range: the range is checked here, before anything is sent.</summary>
public abstract class DateRangeExportCmdlet : ExportRequestCmdlet
{
    /// <summary>Include items updated after this date. A date without an offset is local time.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ApiDateTransformation]
    public DateTimeOffset StartDate { get; set; }

    /// <summary>Include items updated before this date. A date without an offset is local time.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ApiDateTransformation]
    public DateTimeOffset EndDate { get; set; }

    /// <summary>False (after writing the error) when the range is unusable; warns when it cannot hold data yet.</summary>
    protected bool ValidateDateRange()
    {
        string range = $"{ApiDateFormat.Format(StartDate)} to {ApiDateFormat.Format(EndDate)}";
        if (StartDate >= EndDate)
        {
            WriteError(ErrorRecords.InvalidArgument("InvalidDateRange", $"StartDate must be before EndDate; got {range} (UTC).", StartDate));
            return false;
        }

        WriteVerbose($"Date range (UTC): {range}.");
        if (StartDate > DateTimeOffset.UtcNow)
        {
            WriteWarning($"StartDate {ApiDateFormat.Format(StartDate)} is in the future: MaestroQA will return no data for {range}.");
        }

        return true;
    }
}
