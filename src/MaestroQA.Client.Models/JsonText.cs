using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MaestroQA.Client.Models;

/// <summary>
/// Compact JSON for the ToString of values that hold more than one text (ticket attributes, coaching points), so an
/// Export-Csv cell keeps all of it and ConvertFrom-Json reads it back. This assembly takes no dependency, so no
/// serializer: null, booleans, texts, numbers, UTC dates, members by name, lists and API objects.
/// </summary>
internal static class JsonText
{
    public static string Of(object? value)
    {
        var json = new StringBuilder();
        Write(json, value);
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
            case DateTime date:
                WriteString(json, date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case MqaApiObject item:
                WriteMembers(json, item.Fields());
                break;
            case IEnumerable<KeyValuePair<string, object?>> members:
                WriteMembers(json, members);
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

    private static void WriteMembers(StringBuilder json, IEnumerable<KeyValuePair<string, object?>> members)
    {
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
