using System;
using System.Collections.Generic;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>What a run is asked to sync, as the user gave it (dates UTC).</summary>
public sealed record SyncRequest(IReadOnlyList<ExportKind> Kinds, Uri BaseUri)
{
    /// <summary>Where a kind's first sync starts; ignored for a kind the state already has.</summary>
    public DateTime? StartDate { get; init; }

    /// <summary>Where the run stops: already capped at now minus the settle time by the caller (see <see cref="SyncEnd"/>).</summary>
    public DateTime EndDate { get; init; }

    /// <summary>Whether <see cref="EndDate"/> is the user's -EndDate, or now minus -Lag: errors name what the user gave.</summary>
    public bool EndDateGiven { get; init; }

    public int ChunkDays { get; init; } = 7;

    public CalibrationFilter? IncludeCalibrations { get; init; }

    public bool IncludeGraderQA { get; init; }

    public bool IncludeUnavailable { get; init; }

    /// <summary>Windows recorded empty are requested again (a transient empty answer is redone).</summary>
    public bool RedoEmptyWindows { get; init; }

    /// <summary>The export options a kind's files depend on, in one comparable string.</summary>
    public string OptionsFor(ExportKind kind) => kind switch
    {
        ExportKind.Raw => $"includeCalibrations={(IncludeCalibrations ?? CalibrationFilter.None).ToString().ToLowerInvariant()};includeGraderQA={(IncludeGraderQA ? "true" : "false")}",
        ExportKind.Groups => $"includeUnavailable={(IncludeUnavailable ? "true" : "false")}",
        _ => string.Empty,
    };

    /// <summary>How the end is named in messages: the user's -EndDate, or the default they did not pass.</summary>
    internal string DescribeEnd() => EndDateGiven ? $"-EndDate {EndDate:u}" : $"now minus -Lag ({EndDate:u})";
}

/// <summary>Where a run ends: the one rule for -EndDate and -Lag.</summary>
public static class SyncEnd
{
    public static readonly TimeSpan DefaultLag = TimeSpan.FromHours(1);

    /// <summary>
    /// Grades are left <paramref name="lag"/> to settle: a run ends at now minus the lag, in whole seconds, or earlier
    /// when <paramref name="endDate"/> says so. Later than that is not synced: <paramref name="capped"/> says it was asked.
    /// </summary>
    public static DateTime For(DateTime utcNow, TimeSpan lag, DateTime? endDate, out bool capped)
    {
        DateTime settled = SyncPlanner.WholeSeconds(utcNow - lag);
        capped = endDate is DateTime asked && asked > settled;
        return endDate is DateTime end && end <= settled ? end : settled;
    }
}
