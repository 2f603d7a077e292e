using System;

namespace MaestroQA.Client.Models;

/// <summary>An export as the user follows it: what was asked for and where it stands.</summary>
public sealed record MqaExport
{
    public MqaExport(string exportId, ExportKind? kind)
    {
        ExportId = exportId;
        Kind = kind;
    }

    public string ExportId { get; }

    /// <summary>Null when only the id is known (Get-MqaExport -ExportId).</summary>
    public ExportKind? Kind { get; }

    public string? Name { get; init; }

    /// <summary>UTC; null for groups exports, which have no range.</summary>
    public DateTime? StartDate { get; init; }

    public DateTime? EndDate { get; init; }

    /// <summary>The single table a raw export was limited to, if any; names the saved file.</summary>
    public ExportTable? SingleFile { get; init; }

    public ExportStatus Status { get; init; } = ExportStatus.Requested;

    /// <summary>The status as MaestroQA wrote it (in_progress, complete...); what to read when Status is Unknown.</summary>
    public string? ServerStatus { get; init; }

    /// <summary>A presigned download URL once complete; empty when the range held no data.</summary>
    public string DataUrl { get; init; } = string.Empty;

    public DateTime RequestedAt { get; init; }

    public DateTime? CheckedAt { get; init; }

    public bool HasData => Status == ExportStatus.Complete && DataUrl.Length > 0;

    public override string ToString() => $"{Kind?.ToString() ?? "MaestroQA"} export {ExportId} ({(Status == ExportStatus.Unknown ? ServerStatus : Status.ToString())})";
}
