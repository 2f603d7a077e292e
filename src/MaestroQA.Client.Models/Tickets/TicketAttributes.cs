using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace MaestroQA.Client.Models;

/// <summary>
/// A ticket's custom fields (the API's <c>attributes</c> object), by name: a dictionary for indexing, foreach and
/// ConvertTo-Json, and compact JSON where text is wanted, so Export-Csv writes <c>{"plan":"gold"}</c>, which
/// New-MqaTicket reads back from Import-Csv. Values are text, numbers, booleans, null, lists or nested attributes.
/// </summary>
public sealed class TicketAttributes : ReadOnlyDictionary<string, object?>
{
    public TicketAttributes(IDictionary<string, object?> attributes)
        : base(new Dictionary<string, object?>(attributes, StringComparer.Ordinal))
    {
    }

    public override string ToString()
    {
        var json = new StringBuilder();
        Write(json, this);
        return json.ToString();
    }

    private static void Write(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case bool flag:
                json.Append(flag ? "true" : "false");
                break;
            case string text:
                WriteString(json, text);
                break;
            case double or float or decimal or int or long or short or byte or sbyte or uint or ulong or ushort:
                json.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object?>> members:
                json.Append('{');
                string separator = string.Empty;
                foreach (KeyValuePair<string, object?> member in members)
                {
                    json.Append(separator);
                    WriteString(json, member.Key);
                    json.Append(':');
                    Write(json, member.Value);
                    separator = ",";
                }

                json.Append('}');
                break;
            case IEnumerable items:
                json.Append('[');
                string comma = string.Empty;
                foreach (object? item in items)
                {
                    json.Append(comma);
                    Write(json, item);
                    comma = ",";
                }

                json.Append(']');
                break;
            default:
                WriteString(json, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void WriteString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }
}
