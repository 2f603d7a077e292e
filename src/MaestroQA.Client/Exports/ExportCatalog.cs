using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Every export table, read once from the row classes: the <see cref="ExportFileAttribute"/> on each class names its
/// table, file and export kind, and the <see cref="ExportColumnAttribute"/> on each property its column. Tables are
/// named as users name them: by enum name (TotalScores), by file name (total_scores) or, for the groups table, "groups".
/// </summary>
public static class ExportCatalog
{
    private const string GroupsAlias = "groups";

    private static readonly Lazy<ExportTableInfo[]> LazyTables = new(Discover);

    /// <summary>In <see cref="ExportTable"/> order.</summary>
    public static IReadOnlyList<ExportTableInfo> Tables => LazyTables.Value;

    /// <summary>The five tables a raw export holds, which -SingleFile may pick.</summary>
    public static IEnumerable<ExportTableInfo> RawTables => Tables.Where(info => info.Kind == ExportKind.Raw);

    public static ExportTableInfo Get(ExportTable table) =>
        Tables.FirstOrDefault(info => info.Table == table) ?? throw new ArgumentOutOfRangeException(nameof(table), table, null);

    public static bool TryParse(string name, out ExportTable table)
    {
        string trimmed = name.Trim();
        ExportTableInfo? match = string.Equals(trimmed, GroupsAlias, StringComparison.OrdinalIgnoreCase)
            ? Get(ExportTable.AgentGroups)
            : Tables.FirstOrDefault(info => info.IsNamed(trimmed));
        table = match?.Table ?? default;
        return match is not null;
    }

    /// <summary>
    /// The table a CSV's header row belongs to, whatever the file is called: the one with the most of its identifying
    /// columns present (<see cref="ExportTableInfo.IdentifyingColumns"/>). The file name only breaks a tie, which includes
    /// a header with no identifying column at all. Null when neither tells.
    /// </summary>
    public static ExportTableInfo? Identify(IEnumerable<string> headers, string? fileName = null)
    {
        var present = new HashSet<string>(headers.Select(HeaderKey), StringComparer.Ordinal);
        ExportTableInfo[] best = Tables
            .Select(info => (Info: info, Hits: info.IdentifyingColumns.Count(column => present.Contains(HeaderKey(column)))))
            .Where(candidate => candidate.Hits > 0)
            .GroupBy(candidate => candidate.Hits)
            .OrderByDescending(group => group.Key)
            .FirstOrDefault()?
            .Select(candidate => candidate.Info)
            .ToArray() ?? [];
        if (best.Length == 1)
        {
            return best[0];
        }

        // A tie, or no identifying column at all (an old or trimmed file): the name decides, if it can.
        IEnumerable<ExportTableInfo> tied = best.Length > 1 ? best : Tables;
        return fileName is null ? null : tied.FirstOrDefault(info => info.IsNameOf(fileName));
    }

    /// <summary>
    /// The table a file name names: <c>total_scores.csv</c>, <c>export/total_scores.csv</c> and <c>Weekly - total_scores.csv</c>
    /// all do. Only a hint: what a file holds is told by its header (<see cref="Identify"/>).
    /// </summary>
    public static ExportTableInfo? FromFileName(string fileName) => Tables.FirstOrDefault(info => info.IsNameOf(fileName));

    /// <summary>Headers compare as people write them: "Rubric Score", " rubric_score" and "RUBRIC_SCORE" are one column.</summary>
    internal static string HeaderKey(string header) =>
        string.Join("_", header.Trim().Split([' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static ExportTableInfo[] Discover()
    {
        ExportTableInfo[] tables = typeof(MqaExportRow).Assembly.GetTypes()
            .Select(type => (Type: type, File: type.GetCustomAttribute<ExportFileAttribute>()))
            .Where(candidate => candidate.File is not null)
            .Select(candidate => new ExportTableInfo(candidate.File!, candidate.Type))
            .OrderBy(info => info.Table)
            .ToArray();
        ExportTable[] missing = ((ExportTable[])Enum.GetValues(typeof(ExportTable))).Except(tables.Select(info => info.Table)).ToArray();
        if (missing.Length > 0 || tables.Select(info => info.Table).Distinct().Count() != tables.Length)
        {
            throw new InvalidOperationException($"Each ExportTable needs exactly one row class with [ExportFile]; missing: {string.Join(", ", missing)}.");
        }

        return tables;
    }
}
