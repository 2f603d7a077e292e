using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Wire;

/// <summary>A ticket's custom fields between the API's JSON object and <see cref="TicketAttributes"/>.</summary>
internal static class AttributesJson
{
    public static JsonObject ToJson(TicketAttributes attributes)
    {
        var json = new JsonObject();
        foreach (KeyValuePair<string, object?> attribute in attributes)
        {
            json[attribute.Key] = ToNode(attribute.Value);
        }

        return json;
    }

    public static TicketAttributes FromJson(JsonObject json) =>
        new(json.ToDictionary(member => member.Key, member => FromNode(member.Value), StringComparer.Ordinal));

    /// <summary>Values as TicketRows leaves them: text, numbers, booleans, null, lists and nested attributes.</summary>
    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        TicketAttributes nested => ToJson(nested),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        double number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        IEnumerable<object?> items => new JsonArray(items.Select(ToNode).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject nested => FromJson(nested),
        JsonArray items => items.Select(FromNode).ToArray(),
        JsonValue value when value.TryGetValue(out JsonElement element) => FromValue(element),
        _ => node.ToJsonString(),
    };

    /// <exception cref="JsonException">An object names a field twice, or a number is beyond a double.</exception>
    public static object? FromValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt64(out long whole) ? whole : Finite(value),
        JsonValueKind.Object => FromObject(value),
        JsonValueKind.Array => value.EnumerateArray().Select(FromValue).ToArray(),
        _ => null,
    };

    // JSON allows a name twice, and the last to win; a ticket's fields would then not be what the row seems to say.
    private static TicketAttributes FromObject(JsonElement value)
    {
        var members = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (members.ContainsKey(member.Name))
            {
                throw new JsonException($"it names the field '{member.Name}' twice");
            }

            members[member.Name] = FromValue(member.Value);
        }

        return new TicketAttributes(members);
    }

    private static double Finite(JsonElement value)
    {
        double number = value.GetDouble();
        return double.IsInfinity(number) ? throw new JsonException($"it holds {value.GetRawText()}, a number too large to send") : number;
    }
}
