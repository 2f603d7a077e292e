using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;

namespace MaestroQA.PowerShell.Binding;

/// <summary>
/// Output objects that carry fields this release does not know (an export row's extra columns, a coaching session's
/// extra JSON fields), written with those fields as note properties after the known ones, so nothing is dropped.
/// </summary>
internal static class AdditionalProperties
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> KnownPropertiesByType = new();

    /// <summary>
    /// PowerShell lists a PSObject's own properties first, so the known ones are added too, in their order, shadowing
    /// the object's own. The object itself stays the base, so <c>-is</c> and the format views still see its type.
    /// </summary>
    public static object Attach<T>(object item, IReadOnlyDictionary<string, T> additional)
    {
        // Most objects have no extra fields: let the pipeline wrap them as it needs to, at no cost here.
        if (additional.Count == 0)
        {
            return item;
        }

        var output = new PSObject(item);
        foreach (PropertyInfo property in KnownProperties(item.GetType()))
        {
            output.Properties.Add(new PSNoteProperty(property.Name, property.GetValue(item)));
        }

        foreach (KeyValuePair<string, T> field in additional)
        {
            output.Properties.Add(new PSNoteProperty(NewName(output, field.Key), field.Value));
        }

        return output;
    }

    /// <summary>A header cell may be blank, or blank twice: a property needs a name, and each its own.</summary>
    private static string NewName(PSObject output, string field)
    {
        string name = string.IsNullOrWhiteSpace(field) ? "Unnamed" : field;
        string candidate = name;
        for (int n = 2; output.Properties[candidate] is not null; n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static PropertyInfo[] KnownProperties(Type type) =>
        KnownPropertiesByType.GetOrAdd(type, known => known.GetProperties(BindingFlags.Public | BindingFlags.Instance));
}
