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

    public static object? FromValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt64(out long whole) ? whole : value.GetDouble(),
        JsonValueKind.Object => FromJson(JsonObject.Create(value)!),
        JsonValueKind.Array => JsonArray.Create(value)!.Select(FromNode).ToArray(),
        _ => null,
    };
}
