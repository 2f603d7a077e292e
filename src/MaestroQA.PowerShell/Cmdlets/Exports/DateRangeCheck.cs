using System;
using System.Management.Automation;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>The date range of a raw or audit-log export, checked by the engine's rule before anything is sent.</summary>
internal static class DateRangeCheck
{
    /// <summary>False (after writing the error) when the range is unusable; warns when it cannot hold data yet.</summary>
    public static bool Validate(Cmdlet cmdlet, DateTimeOffset startDate, DateTimeOffset endDate)
    {
        try
        {
            DateRange.EnsureOrdered(startDate, endDate);
        }
        catch (MaestroQAInputException invalid)
        {
            cmdlet.WriteError(ErrorRecords.From(invalid, startDate));
            return false;
        }

        string range = DateRange.Describe(startDate, endDate);
        cmdlet.WriteVerbose($"Date range (UTC): {range}.");
        if (startDate > DateTimeOffset.UtcNow)
        {
            cmdlet.WriteWarning($"StartDate {ApiDateFormat.Format(startDate)} is in the future: MaestroQA will return no data for {range}.");
        }

        return true;
    }
}
