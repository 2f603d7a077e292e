using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MaestroQA.MockServer;

/// <summary>All requested exports, in memory.</summary>
internal sealed partial class ExportStore(ServerClock clock)
{
    private readonly ConcurrentDictionary<string, ExportJob> _jobs = new(StringComparer.Ordinal);

    // Never reset, so an id is unique for the process's life even across /admin/reset.
    private long _lastId;

    /// <summary>"rows=N" anywhere in an export's name sizes it, so a test can ask for volume without touching config.</summary>
    [GeneratedRegex(@"rows=(\d{1,9})", RegexOptions.CultureInvariant)]
    private static partial Regex RowsInName();

    public IEnumerable<ExportJob> All => _jobs.Values.OrderBy(job => job.RequestedAtMs);

    /// <summary>Any export ever requested since the last reset, forgotten or not: what /admin sees.</summary>
    public ExportJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>An export the API still knows: what get-export-data and downloads see.</summary>
    public ExportJob? FindKnown(string id) => Find(id) is { } job && !job.IsForgottenAt(clock.ElapsedMs) ? job : null;

    public void Clear() => _jobs.Clear();

    public ExportJob Add(ExportRequest request, ServerConfig config)
    {
        var id = $"exp_{Interlocked.Increment(ref _lastId):D6}";
        var name = request.Name ?? $"export-{StableHash.Seed(config.Seed).Add(id).Value:x12}";
        var nowMs = clock.ElapsedMs;
        var nowUtc = clock.UtcAt(nowMs);
        var rowsMatch = RowsInName().Match(name);
        var job = new ExportJob
        {
            Id = id,
            Request = request,
            Name = name,
            RequestedAtUtc = nowUtc,
            RequestedAtMs = nowMs,
            InProgressAtMs = nowMs + config.ExportRequestedMs,
            FinishedAtMs = nowMs + config.ExportRequestedMs + config.ExportInProgressMs,
            Errored = config.ErroredExportNames.Contains(name),
            HasData = !config.ErroredExportNames.Contains(name)
                && !config.EmptyExportNames.Contains(name)
                && !(request.StartDate > nowUtc),
            ZipSlip = config.ZipSlipExportNames.Contains(name),
            Rows = rowsMatch.Success ? int.Parse(rowsMatch.Groups[1].ValueSpan) : config.RowsPerExport,
            DataSeed = StableHash.Seed(config.Seed)
                .Add((long)request.Kind).Add(name).Add(DateFormats.Iso(request.StartDate)).Add(DateFormats.Iso(request.EndDate))
                .Add(request.SingleFileExport).Add(request.IncludeCalibrations)
                .Add(request.IncludeGraderQA?.ToString()).Add(request.IncludeUnavailable?.ToString()).Value,
            Signature = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Files = config.Files,
            ForgottenAtMs = config.ExportRetentionMs is { } retention ? nowMs + retention : double.PositiveInfinity,
        };
        _jobs[id] = job;
        return job;
    }
}
