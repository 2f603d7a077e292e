using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Columns a header names more than once, compared as the catalog compares headers (<see cref="ExportCatalog.HeaderKey"/>):
/// the first is read, the others are ignored, and the user is told.
/// </summary>
internal static class RepeatedColumns
{
    /// <summary>The ordinals of each column named more than once, in header order; empty when none is.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Find(IReadOnlyList<string> headers) =>
        Enumerable.Range(0, headers.Count)
            .GroupBy(ordinal => ExportCatalog.HeaderKey(headers[ordinal]), StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => (IReadOnlyList<int>)group.ToArray())
            .ToArray();

    /// <summary>"'x.csv' repeats a column in its header: 'gradable_id' at columns 1 and 3 (column 1 is read, column 3 is ignored)."</summary>
    public static string Warning(string where, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<int>> repeats) =>
        $"{where} repeats {(repeats.Count == 1 ? "a column" : "columns")} in its header: {string.Join("; ", repeats.Select(ordinals => Describe(headers, ordinals)))}.";

    private static string Describe(IReadOnlyList<string> headers, IReadOnlyList<int> ordinals)
    {
        bool sameSpelling = ordinals.All(ordinal => headers[ordinal] == headers[ordinals[0]]);
        string where = sameSpelling
            ? $"'{headers[ordinals[0]]}' at columns {Numbers(ordinals)}"
            : Join(ordinals.Select(ordinal => Invariant($"'{headers[ordinal]}' at column {ordinal + 1}")).ToArray());
        int[] ignored = ordinals.Skip(1).ToArray();
        return Invariant($"{where} (column {ordinals[0] + 1} is read, {(ignored.Length == 1 ? "column" : "columns")} {Numbers(ignored)} {(ignored.Length == 1 ? "is" : "are")} ignored)");
    }

    // Columns as a spreadsheet counts them, from 1.
    private static string Numbers(IReadOnlyList<int> ordinals) => Join(ordinals.Select(ordinal => Invariant($"{ordinal + 1}")).ToArray());

    private static string Join(string[] items) =>
        items.Length == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Length - 1))} and {items[items.Length - 1]}";
}
