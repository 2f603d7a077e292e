using System;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Configuration;

/// <summary>Everything a session decides: where, who, how fast and how patient. Its defaults are the module's.</summary>
public sealed record MaestroQAClientOptions
{
    /// <summary>The seed article's base; today's edition of the API documents https://app.rippit.com/api/v1/.</summary>
    public static readonly Uri DefaultBaseUri = new("https://app.maestroqa.com/api/v1/");

    /// <exception cref="MaestroQAInputException">The base URI is not one the token may be sent to.</exception>
    public MaestroQAClientOptions(ApiToken token, Uri? baseUri = null)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
        BaseUri = BaseUris.Checked(baseUri ?? DefaultBaseUri);
    }

    public ApiToken Token { get; }

    /// <summary>Always ends with a slash, so relative API paths append to it.</summary>
    public Uri BaseUri { get; }

    public RateLimitPolicy DemandingLimit { get; init; } = RateLimitPolicy.Demanding;

    public RateLimitPolicy EasyLimit { get; init; } = RateLimitPolicy.Easy;

    /// <summary>How long one attempt may take; waiting for a rate-limit permit does not count.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public int MaxRetryCount { get; init; } = 5;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Caps every retry delay but the server's Retry-After, which is waited whole (see Transport/RetryRules).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    public ProxySettings? Proxy { get; init; }

    /// <summary>
    /// The most an API answer may hold: the article's answers are a few hundred bytes, so anything near this is not
    /// MaestroQA's, and buffering it whole would cost that much memory. Downloads and -OutFile are streamed and not capped.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 4 * 1024 * 1024;
}
