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
