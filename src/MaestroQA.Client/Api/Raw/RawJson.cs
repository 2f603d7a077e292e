using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using MaestroQA.Client.Api.Wire;

namespace MaestroQA.Client.Api.Raw;

/// <summary>A JSON object's members in the order the server wrote them.</summary>
public sealed class JsonMembers : List<KeyValuePair<string, object?>>
{
}

/// <summary>
/// JSON for raw requests, as plain .NET values a caller can turn into its own objects: objects as
/// <see cref="JsonMembers"/>, arrays as object?[], strings (dates stay text), whole numbers as long (or decimal
/// when larger), other numbers as double, booleans and null. The same values, and dictionaries, lists, dates and
/// enums, are written back.
/// </summary>
public static class RawJson
{
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static object? Parse(byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    /// <summary>Checks that <paramref name="json"/> is one JSON value, and returns it as UTF-8.</summary>
    /// <exception cref="JsonException">It is not.</exception>
    public static byte[] FromText(string json)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(json);
        using (JsonDocument.Parse(bytes))
        {
        }

        return bytes;
    }

    public static byte[] Write(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteValue(writer, value, depth: 0);
        }

        return buffer.ToArray();
    }

    /// <summary>Whether a JSON object's top level names <paramref name="member"/>, in any case.</summary>
    public static bool HasTopLevelMember(byte[] json, string member)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            if (string.Equals(property.Name, member, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static object? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new JsonMembers();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    members.Add(new KeyValuePair<string, object?>(property.Name, FromElement(property.Value)));
                }

                return members;
            case JsonValueKind.Array:
                var items = new List<object?>();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    items.Add(FromElement(item));
                }

                return items.ToArray();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out long whole) ? whole
                    : element.TryGetDecimal(out decimal large) && decimal.Truncate(large) == large && element.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0 ? large
                    : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        // Deep enough for any body MaestroQA takes; deeper is a cycle (an object holding itself).
        if (depth > 64)
        {
            throw new ArgumentException("The body nests more than 64 levels deep; it may hold itself.");
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTime date:
                writer.WriteStringValue(ApiDateFormat.Format(ApiDateFormat.ToUtc(date)));
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(ApiDateFormat.Format(instant));
                break;
            case Enum choice:
                writer.WriteStringValue(choice.ToString());
                break;
            case int or long or short or byte or sbyte or uint or ushort:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong large:
                writer.WriteNumberValue(large);
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case double or float:
                double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new ArgumentException($"The body holds {number.ToString(CultureInfo.InvariantCulture)}, which JSON cannot carry.");
                }

                writer.WriteNumberValue(number);
                break;
            case IEnumerable<KeyValuePair<string, object?>> members:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, object?> member in members)
                {
                    writer.WritePropertyName(member.Key);
                    WriteValue(writer, member.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
