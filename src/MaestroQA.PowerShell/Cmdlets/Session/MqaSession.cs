using System;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.PowerShell.Session;

// Its full name is public (scripts declare [MaestroQA.PowerShell.Session.MqaSession] parameters), so it keeps its
// namespace though it lives with the session cmdlets.

/// <summary>
/// A connection to MaestroQA: where, which token (shown only by its fingerprint) and how fast.
/// Sessions with the same token share one rate-limit budget, whichever runspace they live in.
/// </summary>
public sealed class MqaSession
{
    internal MqaSession(MaestroQAClientOptions options, string source)
    {
        Options = options;
        Source = source;
        Transport = new ApiTransport(options);
        CreatedAt = DateTime.UtcNow;
    }

    /// <summary>Where API calls go: the base it was made with, or the one MaestroQA moved it to with a permanent redirect.</summary>
    public Uri BaseUri => Transport.BaseUri;

    public string TokenFingerprint => Options.Token.Fingerprint;

    /// <summary>Where the token came from: the -ApiToken parameter, -Credential, or the environment.</summary>
    public string Source { get; }

    public RateLimitPolicy DemandingRateLimit => Options.DemandingLimit;

    public RateLimitPolicy EasyRateLimit => Options.EasyLimit;

    public RateLimiterSnapshot DemandingLimiterState => Transport.DemandingLimiter.GetSnapshot();

    public RateLimiterSnapshot EasyLimiterState => Transport.EasyLimiter.GetSnapshot();

    public int TimeoutSec => (int)Options.AttemptTimeout.TotalSeconds;

    public int MaximumRetryCount => Options.MaxRetryCount;

    public Uri? Proxy => Options.Proxy?.Address;

    public DateTime CreatedAt { get; }

    internal MaestroQAClientOptions Options { get; }

    internal ApiTransport Transport { get; }

    public override string ToString() => $"{BaseUri} ({TokenFingerprint})";
}
