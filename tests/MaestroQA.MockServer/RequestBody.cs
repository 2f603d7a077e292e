using System.Text.Json;

namespace MaestroQA.MockServer;

/// <summary>A request's JSON body, read before authentication because the token may be inside it.</summary>
internal sealed class RequestBody
{
    private readonly BodyFields? _fields;
    private readonly string? _problem;

    private RequestBody(BodyFields? fields, string? problem)
    {
        _fields = fields;
        _problem = problem;
    }

    public static RequestBody None { get; } = new(BodyFields.Empty, null);

    /// <summary>A string field of the body without validating anything: null when absent, not a string, or the body is not JSON.</summary>
    public string? Peek(string name) => _fields?.PeekString(name);

    /// <summary>The fields, or a 400 when the body was not a JSON object.</summary>
    public BodyFields Fields => _fields ?? throw ApiException.InvalidParameter(_problem ?? "Invalid request body");

    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        if (buffer.Length == 0)
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new RequestBody(new BodyFields(document.RootElement.Clone()), null)
                : new RequestBody(null, $"Request body must be a JSON object, got {BodyFields.Describe(document.RootElement)}");
        }
        catch (JsonException error)
        {
            return new RequestBody(null, $"Request body is not valid JSON: {error.Message}");
        }
    }
}

/// <summary>
/// The one validation helper. Per the article, an optional parameter may be left out, but if present it must hold a
/// valid value (so null is rejected too); every failure is a 400 naming the field and what was wrong.
/// </summary>
internal sealed class BodyFields(JsonElement root)
{
    public static BodyFields Empty { get; } = new(default);

    public string? PeekString(string name) =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string RequiredString(string name) =>
        OptionalString(name, allowEmpty: false) ?? throw Missing(name);

    public string? OptionalString(string name, bool allowEmpty = true)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(name, $"expected a string, got {Describe(value)}");
        return allowEmpty || text.Length > 0 ? text : throw Invalid(name, "must not be empty");
    }

    public string RequiredEnum(string name, IReadOnlyCollection<string> allowed) =>
        OptionalEnum(name, allowed) ?? throw Missing(name);

    public string? OptionalEnum(string name, IReadOnlyCollection<string> allowed)
    {
        var text = OptionalString(name);
        return text is null || allowed.Contains(text)
            ? text
            : throw Invalid(name, $"'{text}' is not one of: {string.Join(", ", allowed)}");
    }

    public bool? OptionalBool(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, $"expected a boolean, got {Describe(value)}"),
        };
    }

    public double? OptionalNumber(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Invalid(name, $"expected a number, got {Describe(value)}");
    }

    public DateTime RequiredDate(string name) => OptionalDate(name) ?? throw Missing(name);

    public DateTime? OptionalDate(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return DateFormats.TryParseApiDate(text, out var date)
            ? date
            : throw Invalid(name, $"'{text}' is not a date in the format {DateFormats.ApiFormatDescription}");
    }

    public IReadOnlyList<string> RequiredStringArray(string name) => OptionalStringArray(name) ?? throw Missing(name);

    /// <summary>A non-empty array of non-empty strings.</summary>
    public IReadOnlyList<string>? OptionalStringArray(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(name, $"expected an array of strings, got {Describe(value)}");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text
                ? text
                : throw Invalid(name, $"item {items.Count} must be a non-empty string, got {Describe(item)}"));
        }

        return items.Count > 0 ? items : throw Invalid(name, "must contain at least one item");
    }

    /// <summary>A JSON object, kept exactly as given: any values, nested ones too.</summary>
    public JsonElement? OptionalObject(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value.Clone()
            : throw Invalid(name, $"expected an object, got {Describe(value)}");
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out value);
    }

    public static ApiException Missing(string name) => ApiException.InvalidParameter($"Missing required parameter '{name}'");

    private static ApiException Invalid(string name, string problem) =>
        ApiException.InvalidParameter($"Invalid parameter '{name}': {problem}");
}
