using System;
using System.Management.Automation;
using MaestroQA.Client.Api.Wire;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>The date range of a raw or audit-log export, checked before anything is sent.</summary>
internal static class DateRangeCheck
{
    /// <summary>False (after writing the error) when the range is unusable; warns when it cannot hold data yet.</summary>
    public static bool Validate(Cmdlet cmdlet, DateTimeOffset startDate, DateTimeOffset endDate)
    {
        string range = $"{ApiDateFormat.Format(startDate)} to {ApiDateFormat.Format(endDate)}";
        if (startDate >= endDate)
        {
            cmdlet.WriteError(ErrorRecords.InvalidArgument("InvalidDateRange", $"StartDate must be before EndDate; got {range} (UTC).", startDate));
            return false;
        }

        cmdlet.WriteVerbose($"Date range (UTC): {range}.");
        if (startDate > DateTimeOffset.UtcNow)
        {
            cmdlet.WriteWarning($"StartDate {ApiDateFormat.Format(startDate)} is in the future: MaestroQA will return no data for {range}.");
        }

        return true;
    }
}
