using System;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Wire;

/// <summary>The API's spelling of our enums.</summary>
internal static class WireNames
{
    public static string Of(CalibrationFilter filter) => filter switch
    {
        CalibrationFilter.None => "none",
        CalibrationFilter.Only => "only",
        CalibrationFilter.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    public static string Of(CaptureInterval interval) => interval switch
    {
        CaptureInterval.Day => "day",
        CaptureInterval.Week => "week",
        CaptureInterval.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    public static string Of(CoachingTimeAxis axis) => axis switch
    {
        CoachingTimeAxis.MeetingDate => "meetingDate",
        CoachingTimeAxis.CreatedAt => "createdAt",
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };

    public static ExportStatus ParseStatus(string? status) => status switch
    {
        "requested" => ExportStatus.Requested,
        "in_progress" => ExportStatus.InProgress,
        "complete" => ExportStatus.Complete,
        "errored" => ExportStatus.Errored,
        _ => ExportStatus.Unknown,
    };
}
