using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MaestroQA.Client.Api.Wire;

internal sealed class CommaSeparatedListConverter : JsonConverter<string[]?>
{
    public override string[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => Split(reader.GetString()),
            _ => throw new JsonException("Expected tags as a comma-separated string."),
        };

    public override void Write(Utf8JsonWriter writer, string[]? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(string.Join(",", value));
    }

    internal static string[] Split(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text!.Split(',').Select(tag => tag.Trim()).Where(tag => tag.Length > 0).ToArray();
}
