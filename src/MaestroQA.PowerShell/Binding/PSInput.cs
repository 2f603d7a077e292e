using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace MaestroQA.PowerShell.Binding;

/// <summary>What the user gave, without the PSObject that pipelines and variables may wrap it in.</summary>
internal static class PSInput
{
    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    /// <summary>Deep enough for anything MaestroQA takes; deeper is a cycle (a hashtable holding itself).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// A value as plain .NET data the engine can read or write as JSON: a [pscustomobject] becomes its properties by name
    /// (in order), a hashtable its entries, a list its items, each unwrapped in turn; anything else is itself.
    /// </summary>
    /// <exception cref="ArgumentException">It nests deeper than <see cref="MaxDepth"/>.</exception>
    public static object? ToPlain(object? value) => ToPlain(value, 0);

    private static object? ToPlain(object? value, int depth)
    {
        object? unwrapped = Unwrap(value);
        if (depth > MaxDepth && unwrapped is IEnumerable and not string)
        {
            throw new ArgumentException($"The value nests more than {MaxDepth} levels deep; it may hold itself.");
        }

        switch (unwrapped)
        {
            case PSCustomObject when value is PSObject custom:
                return custom.Properties.Select(property => new KeyValuePair<string, object?>(property.Name, ToPlain(property.Value, depth + 1))).ToList();
            case IDictionary dictionary:
                var entries = new List<KeyValuePair<string, object?>>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    entries.Add(new KeyValuePair<string, object?>(entry.Key?.ToString() ?? string.Empty, ToPlain(entry.Value, depth + 1)));
                }

                return entries;
            case string text:
                return text;
            case IEnumerable items:
                return items.Cast<object?>().Select(item => ToPlain(item, depth + 1)).ToArray();
            default:
                return unwrapped;
        }
    }
}
