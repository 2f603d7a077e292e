using System;
using System.Collections.Generic;
using System.Management.Automation;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Requests a raw (scores) export, optionally in consecutive windows of -ChunkDays.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "MqaRawExport")]
[OutputType(typeof(MqaExport))]
public sealed class InvokeMqaRawExportCommand : DateRangeExportCmdlet
{
    /// <summary>Export one table as a single CSV instead of the zip of all five.</summary>
    [Parameter]
    [ExportTableTransformation]
    public ExportTable? SingleFile { get; set; }

    [Parameter]
    public CalibrationFilter? IncludeCalibrations { get; set; }

    [Parameter]
    public SwitchParameter IncludeGraderQA { get; set; }

    /// <summary>Split the range into consecutive windows of this many days, one export each (the API returns at most roughly 10,000-50,000 scores per export).</summary>
    [Parameter]
    [ValidateRange(1, 3660)]
    public int? ChunkDays { get; set; }

    protected override void ProcessRecord()
    {
        if (SingleFile is ExportTable table && !ExportTables.IsRawTable(table))
        {
            WriteError(ErrorRecords.InvalidArgument("InvalidSingleFile", $"-SingleFile takes one of the raw export's tables ({string.Join(", ", ExportTables.RawFileStems)}); '{table}' is not one.", SingleFile));
            return;
        }

        if (!ValidateDateRange())
        {
            return;
        }

        var exports = new List<MqaExport>();
        foreach ((DateTimeOffset start, DateTimeOffset end) in ChunkRange())
        {
            var request = new RawExportRequest(start, end)
            {
                Name = Name,
                SingleFile = SingleFile,
                IncludeCalibrations = IncludeCalibrations,
                IncludeGraderQA = IncludeGraderQA.IsPresent ? true : null,
            };
            MqaExport? export = Request(token => Client.RequestRawExportAsync(request, token), request);
            if (export is null)
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
                Emit(export);
            }
        }

        exports.ForEach(Emit);
    }

    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> ChunkRange()
    {
        if (ChunkDays is not int days)
        {
            yield return (StartDate, EndDate);
            yield break;
        }

        for (DateTimeOffset start = StartDate; start < EndDate; start = start.AddDays(days))
        {
            DateTimeOffset end = start.AddDays(days);
            yield return (start, end < EndDate ? end : EndDate);
        }
    }
}
