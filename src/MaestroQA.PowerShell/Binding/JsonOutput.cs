using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MaestroQA.Client.Api.Raw;

namespace MaestroQA.PowerShell.Binding;

/// <summary>JSON values (as RawJson reads them) as PowerShell objects: [pscustomobject]s or hashtables, arrays, and the rest as they are.</summary>
internal static class JsonOutput
{
    public static object? ToPSObjects(object? value) => value switch
    {
        JsonMembers members => ToCustomObject(members),
        object?[] items => items.Select(ToPSObjects).ToArray(),
        _ => value,
    };

    /// <summary>Hashtables, as @{} makes them (keys in any case), for -OutputType HashTable.</summary>
    public static object? ToHashtables(object? value) => value switch
    {
        JsonMembers members => members.Aggregate(new Hashtable(System.StringComparer.OrdinalIgnoreCase), (table, member) =>
        {
            table[member.Key] = ToHashtables(member.Value);
            return table;
        }),
        object?[] items => items.Select(ToHashtables).ToArray(),
        _ => value,
    };

    private static PSObject ToCustomObject(IEnumerable<KeyValuePair<string, object?>> members)
    {
        var custom = new PSObject();
        foreach (KeyValuePair<string, object?> member in members)
        {
            // A name the JSON repeats keeps its last value, as ConvertFrom-Json does.
            custom.Properties.Remove(member.Key);
            custom.Properties.Add(new PSNoteProperty(member.Key, ToPSObjects(member.Value)));
        }

        return custom;
    }
}
