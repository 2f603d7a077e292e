namespace MaestroQA.MockServer;

/// <summary>The token a request presented, and where it came from.</summary>
internal sealed record Credential(string? Token, string? Source, bool HadApiTokenHeader);

internal static class Auth
{
    public const string HeaderName = "apitoken";
    public const string BodyField = "apiToken";

    /// <summary>The header wins; the body is consulted only where the article allows it (backward compatibility).</summary>
    public static Credential Resolve(HttpRequest request, RequestBody body, bool bodyTokenAllowed)
    {
        var hadHeader = request.Headers.TryGetValue(HeaderName, out var header);
        if (hadHeader && !string.IsNullOrEmpty(header.ToString()))
        {
            return new Credential(header.ToString(), "header", HadApiTokenHeader: true);
        }

        return bodyTokenAllowed && body.Peek(BodyField) is { Length: > 0 } bodyToken
            ? new Credential(bodyToken, "body", hadHeader)
            : new Credential(null, null, hadHeader);
    }

    /// <summary>Admins only, per the article: 401 for a missing, unknown or expired token, 403 for a non-admin user's.</summary>
    public static string Demand(Credential credential, ServerConfig config)
    {
        var token = credential.Token
            ?? throw ApiException.Unauthorized($"API token required: pass it in the '{HeaderName}' header");
        if (config.ExpiredTokens.Contains(token))
        {
            throw ApiException.Unauthorized(
                "API token expired: tokens expire every 90 days; create a new one on the Other Settings page");
        }

        if (config.ForbiddenTokens.Contains(token))
        {
            throw ApiException.Forbidden("API access requires an Admin user");
        }

        return config.ValidTokens.Contains(token) ? token : throw ApiException.Unauthorized("Invalid API token");
    }
}
