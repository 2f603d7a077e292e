using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace MaestroQA.PowerShell.Binding;

/// <summary>What the user gave, without the PSObject that pipelines and variables may wrap it in.</summary>
internal static class PSInput
{
    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    /// <summary>
    /// A value as plain .NET data the engine can read or write as JSON: a [pscustomobject] becomes its properties by name
    /// (in order), a hashtable its entries, a list its items, each unwrapped in turn; anything else is itself.
    /// </summary>
    public static object? ToPlain(object? value)
    {
        object? unwrapped = Unwrap(value);
        switch (unwrapped)
        {
            case PSCustomObject when value is PSObject custom:
                return custom.Properties.Select(property => new KeyValuePair<string, object?>(property.Name, ToPlain(property.Value))).ToList();
            case IDictionary dictionary:
                var entries = new List<KeyValuePair<string, object?>>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    entries.Add(new KeyValuePair<string, object?>(entry.Key?.ToString() ?? string.Empty, ToPlain(entry.Value)));
                }

                return entries;
            case string text:
                return text;
            case IEnumerable items:
                return items.Cast<object?>().Select(ToPlain).ToArray();
            default:
                return unwrapped;
        }
    }
}
