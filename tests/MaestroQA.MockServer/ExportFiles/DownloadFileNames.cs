namespace MaestroQA.MockServer.ExportFiles;

/// <summary>The file names dataUrl can end in, one per files.dataUrlFileNames variant.</summary>
internal static class DownloadFileNames
{
    private const string RawZipPlural = "raw_exports";

    /// <summary>The other grammatical number of each table's name, or a plausible variant where that is awkward.</summary>
    private static readonly Dictionary<string, string> PluralVariants = new(StringComparer.Ordinal)
    {
        [ExportTables.TotalScores.Name] = "total_score",
        [ExportTables.SectionScores.Name] = "section_score",
        [ExportTables.IndividualAnswers.Name] = "individual_answer",
        [ExportTables.Annotations.Name] = "annotation",
        [ExportTables.Csat.Name] = "csat_scores",
        [ExportTables.AgentGroups.Name] = "agent_group",
        [ExportTables.AuditLog.Name] = "audit_logs",
    };

    public static string For(ExportJob job)
    {
        var extension = job.IsZip ? ".zip" : ".csv";
        return job.Files.DataUrlFileNames switch
        {
            DataUrlFileNames.Opaque => "file",
            DataUrlFileNames.Uuid => Uuid(job) + extension,
            DataUrlFileNames.ExportName => SafeName(job.Name) + extension,
            DataUrlFileNames.Plural => (job.IsZip ? RawZipPlural : PluralVariants[SingleTable(job)]) + extension,
            DataUrlFileNames.ExportId => job.Id + extension,
            _ => (job.IsZip ? job.Id : SingleTable(job)) + extension,
        };
    }

    /// <summary>A name usable as one path segment: no separators or control characters, never "." or "..".</summary>
    public static string SafeName(string name)
    {
        var safe = string.Concat(name.Select(c => c is '/' or '\\' || char.IsControl(c) ? '_' : c)).Trim();
        return safe.Trim('.').Length == 0 ? "export" : safe;
    }

    private static string SingleTable(ExportJob job) => ExportTables.For(job).Single().Name;

    /// <summary>A version-4-looking GUID, fixed by the export's seed so runs repeat.</summary>
    private static string Uuid(ExportJob job)
    {
        var hex = new DeterministicRandom(new StableHash(job.DataSeed).Add(job.Id).Value).Hex(32);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..]}";
    }
}
