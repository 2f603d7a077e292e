using System;
using System.Collections.Generic;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>What a run is asked to sync, as the user gave it (dates UTC).</summary>
public sealed record SyncRequest(IReadOnlyList<ExportKind> Kinds, Uri BaseUri)
{
    /// <summary>Where a kind's first sync starts; ignored for a kind the state already has.</summary>
    public DateTime? StartDate { get; init; }

    /// <summary>Where the run stops: already capped at now minus the settle time by the caller.</summary>
    public DateTime EndDate { get; init; }

    public int ChunkDays { get; init; } = 7;

    public CalibrationFilter? IncludeCalibrations { get; init; }

    public bool IncludeGraderQA { get; init; }

    public bool IncludeUnavailable { get; init; }

    /// <summary>The export options a kind's files depend on, in one comparable string.</summary>
    public string OptionsFor(ExportKind kind) => kind switch
    {
        ExportKind.Raw => $"includeCalibrations={(IncludeCalibrations ?? CalibrationFilter.None).ToString().ToLowerInvariant()};includeGraderQA={(IncludeGraderQA ? "true" : "false")}",
        ExportKind.Groups => $"includeUnavailable={(IncludeUnavailable ? "true" : "false")}",
        _ => string.Empty,
    };
}
