using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Requests a raw (scores) export, optionally in consecutive windows of -ChunkDays.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "MqaRawExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MqaExport))]
public sealed class InvokeMqaRawExportCommand : ExportWaitCmdlet
{
    /// <summary>Two minutes at the documented demanding limit (30 a minute): more windows than this are asked about first.</summary>
    private const int WindowsWithoutAsking = 60;

    /// <summary>Include grades updated after this date. A date without an offset is local time.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ApiDateTransformation]
    public DateTimeOffset StartDate { get; set; }

    /// <summary>Include grades updated before this date. A date without an offset is local time.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ApiDateTransformation]
    public DateTimeOffset EndDate { get; set; }

    /// <summary>Export one table as a single CSV instead of the zip of all five.</summary>
    [Parameter]
    [ExportTableTransformation]
    [ArgumentCompleter(typeof(RawExportTableCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SingleFile { get; set; }

    [Parameter]
    public CalibrationFilter? IncludeCalibrations { get; set; }

    [Parameter]
    public SwitchParameter IncludeGraderQA { get; set; }

    /// <summary>Split the range into consecutive windows of this many days, one export each (the API returns at most roughly 10,000-50,000 scores per export).</summary>
    [Parameter]
    [ValidateRange(DateWindows.MinChunkDays, DateWindows.MaxChunkDays)]
    public int? ChunkDays { get; set; }

    /// <summary>A name for the export; MaestroQA makes one up when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Wait until the export is complete and emit it then, ready for Save-MqaExport.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override void ProcessRecord()
    {
        ExportTable? singleFile = ExportTableTransformationAttribute.Parse(SingleFile);
        if (singleFile is ExportTable table && ExportCatalog.Get(table).Kind != ExportKind.Raw)
        {
            string rawTables = string.Join(", ", ExportCatalog.RawTables);
            WriteError(ErrorRecords.InvalidArgument("InvalidSingleFile", $"-SingleFile takes one of the raw export's tables ({rawTables}); '{table}' is not one.", SingleFile));
            return;
        }

        if (!DateRangeCheck.Validate(this, StartDate, EndDate))
        {
            return;
        }

        List<DateWindow> windows = Windows();
        if (!ConfirmManyWindows(windows))
        {
            return;
        }

        var exports = new List<MqaExport>();
        foreach (DateWindow window in windows)
        {
            if (!ShouldProcess(DateRange.Describe(window.From, window.To), "Request raw export"))
            {
                continue;
            }

            var request = new RawExportRequest(new DateTimeOffset(window.From), new DateTimeOffset(window.To))
            {
                Name = Name,
                SingleFile = singleFile,
                IncludeCalibrations = IncludeCalibrations,
                IncludeGraderQA = IncludeGraderQA.IsPresent ? true : null,
            };
            if (!TryCall(token => Client.RequestRawExportAsync(request, token), request, out MqaExport export))
            {
                continue;
            }

            // Without -Wait each export goes out at once; with it, all windows are requested first so they run server-side together.
            if (Wait)
            {
                exports.Add(export);
            }
            else
            {
                Emit(export, wait: false);
            }
        }

        Emit(exports, wait: true);
    }

    /// <summary>
    /// Many exports at once are asked about first (a typo in -ChunkDays or the dates is easy to make and slow to undo);
    /// -Confirm:$false, as in a runbook, does not ask, and -WhatIf lists the windows without asking.
    /// </summary>
    private bool ConfirmManyWindows(List<DateWindow> windows)
    {
        if (windows.Count <= WindowsWithoutAsking || Confirmation.TurnedOff(this) || Confirmation.WhatIfAsked(this))
        {
            return true;
        }

        string range = DateRange.Describe(windows[0].From, windows[windows.Count - 1].To);
        RateLimitPolicy limit = ResolvedSession.Transport.DemandingLimiter.Policy;
        string question = $"This requests {windows.Count} raw exports, one per {ChunkDays} day(s) from {range}; at the demanding limit ({limit.PerMinute} a minute) that takes {Math.Ceiling(limit.MinimumDuration(windows.Count).TotalMinutes)} minute(s).";
        return Confirmation.Ask(this, question, "Request many exports", windows.Count);
    }

    /// <summary>The windows to request: [StartDate, EndDate) whole, or in -ChunkDays windows from StartDate, never wholly in the future.</summary>
    private List<DateWindow> Windows()
    {
        var whole = new DateWindow(StartDate.UtcDateTime, EndDate.UtcDateTime);
        if (ChunkDays is not int days)
        {
            return [whole];
        }

        // Windows wholly in the future are not requested, so none is cut past the one that holds now (an -EndDate near
        // DateTime.MaxValue would make millions); compared before adding, so that cannot overflow.
        DateTime now = DateTime.UtcNow;
        DateTime cutTo = whole.To - now > TimeSpan.FromDays(days) ? now.AddDays(days) : whole.To;
        List<DateWindow> windows = DateWindows.Cut(whole.From, cutTo, days, WindowAlignment.FromStart).TakeWhile(window => window.From <= now).ToList();
        if (windows.Count > 0 && windows[windows.Count - 1].To < whole.To)
        {
            WriteVerbose($"Windows from {ApiDateFormat.Format(windows[windows.Count - 1].To)} on lie wholly in the future and were not requested.");
        }

        return windows;
    }
}
