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
public sealed class InvokeMqaRawExportCommand : ExportWaitCmdlet
{
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
    [ValidateRange(1, 3660)]
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

        var exports = new List<MqaExport>();
        foreach ((DateTimeOffset start, DateTimeOffset end) in ChunkRange())
        {
            var request = new RawExportRequest(start, end)
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

        exports.ForEach(requested => Emit(requested, wait: true));
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
