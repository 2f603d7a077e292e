using System;
using System.Collections.Generic;
using System.Linq;

namespace MaestroQA.Client.Exports;

/// <summary>Export tables as users name them: by enum name (TotalScores) or by the API's file name (total_scores).</summary>
public static class ExportTables
{
    private const string GroupsAlias = "groups";

    private static readonly ExportTable[] Raw =
        [ExportTable.TotalScores, ExportTable.SectionScores, ExportTable.IndividualAnswers, ExportTable.Annotations, ExportTable.Csat];

    /// <summary>The tables a raw export holds, which -SingleFile may pick.</summary>
    public static IReadOnlyList<ExportTable> RawTables => Raw;

    public static IEnumerable<string> RawFileStems => Raw.Select(FileStem);

    public static IEnumerable<string> AllFileStems => ExportTableSchemas.All.Select(schema => schema.FileStem);

    public static bool IsRawTable(ExportTable table) => Array.IndexOf(Raw, table) >= 0;

    public static string FileStem(ExportTable table) => ExportTableSchemas.Get(table).FileStem;

    public static bool TryParse(string text, out ExportTable table)
    {
        string name = text.Trim();

        // What the groups export is called everywhere else (request-groups-export, Invoke-MqaGroupsExport).
        if (string.Equals(name, GroupsAlias, StringComparison.OrdinalIgnoreCase))
        {
            name = FileStem(ExportTable.AgentGroups);
        }

        ExportTableSchema? schema = ExportTableSchemas.All.FirstOrDefault(s =>
            string.Equals(s.FileStem, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Table.ToString(), name, StringComparison.OrdinalIgnoreCase));
        table = schema?.Table ?? default;
        return schema is not null;
    }
}
