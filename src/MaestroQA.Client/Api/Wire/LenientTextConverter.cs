using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MaestroQA.Client.Api.Wire;

/// <summary>
/// A text the article shows as a string but a server may send as a number (a help desk's ticket id, a date as epoch
/// milliseconds): read as its JSON text rather than failing the whole answer. Objects, arrays and booleans still fail.
/// </summary>
internal sealed class LenientTextConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => JsonDocument.ParseValue(ref reader).RootElement.GetRawText(),
            _ => throw new JsonException($"Expected a string or a number, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Coaching sessions are only read.");
}
