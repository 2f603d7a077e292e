using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer;

internal enum ExportKind
{
    Raw,
    Groups,
    AuditLog,
}

internal static class ExportStatus
{
    public const string Requested = "requested";
    public const string InProgress = "in_progress";
    public const string Complete = "complete";
    public const string Errored = "errored";
}

/// <summary>The parameters an export was requested with, defaults applied (null where the endpoint has no such parameter).</summary>
internal sealed record ExportRequest(
    ExportKind Kind,
    string? Name,
    DateTime? StartDate = null,
    DateTime? EndDate = null,
    string? SingleFileExport = null,
    string? IncludeCalibrations = null,
    bool? IncludeGraderQA = null,
    bool? IncludeUnavailable = null);

/// <summary>One requested export. Its fate (timings, errored, empty, size, file variants) is fixed from the config when requested.</summary>
internal sealed class ExportJob
{
    private double _forgottenAtMs = double.PositiveInfinity;

    public required string Id { get; init; }

    public required ExportRequest Request { get; init; }

    public required string Name { get; init; }

    public required DateTime RequestedAtUtc { get; init; }

    public required double RequestedAtMs { get; init; }

    public required double InProgressAtMs { get; init; }

    public required double FinishedAtMs { get; init; }

    public required bool Errored { get; init; }

    /// <summary>False when nothing matched (a future date range, or a name listed in emptyExportNames).</summary>
    public required bool HasData { get; init; }

    public required int Rows { get; init; }

    /// <summary>The zip also holds an entry whose path climbs out of any folder it is extracted into.</summary>
    public bool ZipSlip { get; init; }

    /// <summary>Seeds every generated row, so the download and /admin rows agree and repeat across runs.</summary>
    public required ulong DataSeed { get; init; }

    /// <summary>The presigned URL's secret.</summary>
    public required string Signature { get; init; }

    public required FilesConfig Files { get; init; }

    /// <summary>When the API stops knowing the export (exportRetentionMs, or DELETE /admin/exports/{id}).</summary>
    public double ForgottenAtMs
    {
        get => Volatile.Read(ref _forgottenAtMs);
        init => _forgottenAtMs = value;
    }

    /// <summary>The last segment of dataUrl, as files.dataUrlFileNames says (unescaped).</summary>
    public string FileName => DownloadFileNames.For(this);

    /// <summary>A raw export without singleFileExport is a zip of its tables; every other export is one CSV.</summary>
    public bool IsZip => Request.Kind == ExportKind.Raw && Request.SingleFileExport is null;

    public IReadOnlyList<IExportTable> Tables => ExportTables.For(this);

    public string StatusAt(double elapsedMs) =>
        elapsedMs < InProgressAtMs ? ExportStatus.Requested
        : elapsedMs < FinishedAtMs ? ExportStatus.InProgress
        : Errored ? ExportStatus.Errored
        : ExportStatus.Complete;

    public bool IsDownloadableAt(double elapsedMs) => HasData && StatusAt(elapsedMs) == ExportStatus.Complete;

    public bool IsForgottenAt(double elapsedMs) => elapsedMs >= ForgottenAtMs;

    /// <summary>From now on the API answers 404 for this export (sooner only: a retention already due stays).</summary>
    public void Forget(double elapsedMs)
    {
        double current;
        do
        {
            current = Volatile.Read(ref _forgottenAtMs);
        }
        while (elapsedMs < current && Interlocked.CompareExchange(ref _forgottenAtMs, elapsedMs, current) != current);
    }
}
