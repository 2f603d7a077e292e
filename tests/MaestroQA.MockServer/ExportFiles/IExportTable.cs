namespace MaestroQA.MockServer.ExportFiles;

/// <summary>One CSV of an export: its exact header and how to generate a row.</summary>
internal interface IExportTable
{
    string Name { get; }

    IReadOnlyList<string> Columns { get; }

    /// <summary>Adds one value per column, in column order.</summary>
    void Fill(RowBuilder row, TableContext context);
}

/// <summary>What an export's parameters mean to its rows.</summary>
/// <param name="GradeTypes">The grade_type values the export includes (includeCalibrations / includeGraderQA).</param>
internal sealed record TableContext(DateTime RangeStart, DateTime RangeEnd, IReadOnlyList<string> GradeTypes, bool IncludeUnavailable)
{
    public static TableContext For(ExportJob job)
    {
        var request = job.Request;
        var gradeTypes = request.IncludeCalibrations switch
        {
            "only" => new List<string> { GradeTypeNames.Calibration },
            "all" => [GradeTypeNames.Qa, GradeTypeNames.Calibration],
            _ => [GradeTypeNames.Qa],
        };
        if (request.IncludeGraderQA == true && request.IncludeCalibrations != "only")
        {
            gradeTypes.Add(GradeTypeNames.GraderQa);
        }

        // Grades cannot have been updated after the export was requested.
        var end = request.EndDate is { } endDate && endDate < job.RequestedAtUtc ? endDate : job.RequestedAtUtc;
        var start = request.StartDate ?? end.AddDays(-365);
        return new TableContext(start, end, gradeTypes, request.IncludeUnavailable ?? false);
    }
}

internal static class GradeTypeNames
{
    public const string Qa = "qa";
    public const string Calibration = "calibration";
    public const string GraderQa = "grader_qa";
}
