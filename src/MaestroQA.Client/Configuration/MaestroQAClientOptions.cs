using System;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;

namespace MaestroQA.Client.Configuration;

/// <summary>Everything a session decides: where, who, how fast and how patient.</summary>
public sealed record MaestroQAClientOptions
{
    public static readonly Uri DefaultBaseUri = new("https://app.maestroqa.com/api/v1/");

    public MaestroQAClientOptions(ApiToken token, Uri? baseUri = null)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
        BaseUri = NormalizeBaseUri(baseUri ?? DefaultBaseUri);
    }

    public ApiToken Token { get; }

    public Uri BaseUri { get; }

    public RateLimitPolicy DemandingLimit { get; init; } = RateLimitPolicy.Demanding;

    public RateLimitPolicy EasyLimit { get; init; } = RateLimitPolicy.Easy;

    /// <summary>How long one attempt may take; waiting for a rate-limit permit does not count.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public int MaxRetryCount { get; init; } = 5;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Caps every retry delay, the server's Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    public ProxySettings? Proxy { get; init; }

    /// <summary>
    /// The most an API answer may hold: the article's answers are a few hundred bytes, so anything near this is not
    /// MaestroQA's, and buffering it whole would cost that much memory. Downloads are streamed and not capped.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 4 * 1024 * 1024;

    public RateLimitPolicy LimitFor(EndpointClass endpointClass) =>
        endpointClass == EndpointClass.Demanding ? DemandingLimit : EasyLimit;

    /// <summary>Plain HTTP would put the token on the wire in clear text; only the local machine may use it.</summary>
    public static bool IsAllowedBaseUri(Uri baseUri) =>
        baseUri.IsAbsoluteUri
        && (baseUri.Scheme == Uri.UriSchemeHttps || (baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback));

    /// <summary>
    /// What a base URI holds that it must not: a user name or password (shown in every session view and transcript,
    /// and sent who knows where), a query or a fragment (which relative API paths would drop or keep by accident).
    /// Null when it holds none of them.
    /// </summary>
    public static string? ForbiddenParts(Uri baseUri)
    {
        if (!baseUri.IsAbsoluteUri)
        {
            return null;
        }

        string[] parts =
        [
            .. baseUri.UserInfo.Length > 0 ? new[] { "a user name or password" } : [],
            .. baseUri.Query.Length > 0 ? new[] { "a query" } : [],
            .. baseUri.Fragment.Length > 0 ? new[] { "a fragment" } : [],
        ];
        return parts.Length == 0 ? null : string.Join(" and ", parts);
    }

    /// <summary>A URI fit to show: scheme, host, port and path, without user info, query or fragment.</summary>
    public static string Redact(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(a relative URI)";

    private static Uri NormalizeBaseUri(Uri baseUri)
    {
        if (!IsAllowedBaseUri(baseUri))
        {
            throw new ArgumentException($"The base URI '{Redact(baseUri)}' must be an absolute https:// URI (http:// is allowed only for loopback).", nameof(baseUri));
        }

        if (ForbiddenParts(baseUri) is string parts)
        {
            throw new ArgumentException($"The base URI '{Redact(baseUri)}' must not hold {parts}.", nameof(baseUri));
        }

        // A missing trailing slash would make relative paths replace the last segment (api/v1 -> api/tickets).
        return baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }
}
