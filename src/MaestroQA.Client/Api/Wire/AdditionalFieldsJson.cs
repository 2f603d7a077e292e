using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json;

namespace MaestroQA.Client.Api.Wire;

/// <summary>The JSON fields a wire model does not name, as the models keep them (see MqaApiObject.GetAdditionalFields).</summary>
internal static class AdditionalFieldsJson
{
    private static readonly IReadOnlyDictionary<string, object?> None =
        new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>());

    public static IReadOnlyDictionary<string, object?> Read(Dictionary<string, JsonElement>? fields) =>
        fields is null || fields.Count == 0
            ? None
            : new ReadOnlyDictionary<string, object?>(fields.ToDictionary(field => field.Key, field => AttributesJson.FromValue(field.Value), StringComparer.Ordinal));
}
