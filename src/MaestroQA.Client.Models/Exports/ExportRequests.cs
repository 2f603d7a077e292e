using System;

namespace MaestroQA.Client.Models;

/// <summary>A raw (scores) export over [StartDate, EndDate).</summary>
public sealed record RawExportRequest(DateTimeOffset StartDate, DateTimeOffset EndDate)
{
    public string? Name { get; init; }

    public ExportTable? SingleFile { get; init; }

    public CalibrationFilter? IncludeCalibrations { get; init; }

    public bool? IncludeGraderQA { get; init; }
}

public sealed record GroupsExportRequest
{
    public string? Name { get; init; }

    public bool? IncludeUnavailable { get; init; }
}

public sealed record AuditLogExportRequest(DateTimeOffset StartDate, DateTimeOffset EndDate)
{
    public string? Name { get; init; }
}
