using System;
using System.Text.Json;

namespace MaestroQA.Client.Api.Wire;

/// <summary>What can be read of a ticket's echo that was cut at the response cap: its start, as far as it goes.</summary>
internal static class TicketEcho
{
    /// <summary>The top-level <c>_id</c>, if the start of the answer holds it whole; null otherwise.</summary>
    public static string? ReadId(byte[] start)
    {
        var reader = new Utf8JsonReader(start, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isId = reader.ValueTextEquals("_id");
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                // A value that does not end within the start (the long body, say) ends the read.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: nothing to read.
        }

        return null;
    }
}
