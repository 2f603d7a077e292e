using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MaestroQA.Client.Api.Wire;

/// <summary>Dates on the wire in the API's one format; read back as UTC.</summary>
internal sealed class ApiDateTimeConverter : JsonConverter<DateTime?>
{
    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        string? text = reader.GetString();
        return ApiDateFormat.ParseUtc(text) ?? throw new JsonException($"'{text}' is not a date.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is DateTime date)
        {
            writer.WriteStringValue(ApiDateFormat.Format(ApiDateFormat.ToUtc(date)));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
