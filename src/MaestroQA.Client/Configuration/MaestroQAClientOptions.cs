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

    public RateLimitPolicy LimitFor(EndpointClass endpointClass) =>
        endpointClass == EndpointClass.Demanding ? DemandingLimit : EasyLimit;

    /// <summary>Plain HTTP would put the token on the wire in clear text; only the local machine may use it.</summary>
    public static bool IsAllowedBaseUri(Uri baseUri) =>
        baseUri.IsAbsoluteUri
        && (baseUri.Scheme == Uri.UriSchemeHttps || (baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback));

    private static Uri NormalizeBaseUri(Uri baseUri)
    {
        if (!IsAllowedBaseUri(baseUri))
        {
            throw new ArgumentException($"The base URI '{baseUri}' must be an absolute https:// URI (http:// is allowed only for loopback).", nameof(baseUri));
        }

        // A missing trailing slash would make relative paths replace the last segment (api/v1 -> api/tickets).
        return baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }
}
