using System;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Configuration;

/// <summary>The API token. It never prints: ToString and the fingerprint show at most its last four characters.</summary>
public sealed class ApiToken
{
    private static readonly char[] ControlCharacters = [.. Enumerable.Range(0, 32).Select(c => (char)c), (char)127];

    /// <summary>Where an Admin makes tokens, in both editions of the product.</summary>
    public const string WhereTokensAreMade = "Create one in MaestroQA under Other Settings > API Tokens (in Rippit: Other Settings > API Keys).";

    private const string WhereTokensAreMadeShort = "Other Settings > API Tokens, or API Keys in Rippit";

    private readonly string _value;

    private ApiToken()
    {
        _value = string.Empty;
        Fingerprint = "(none)";
        LimiterKey = "downloads-only";
    }

    public ApiToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new MaestroQAInputException(InputProblem.EmptyToken, $"The API token is empty. {WhereTokensAreMade}");
        }

        // A line break would put a header of its own on the wire; no real token holds one.
        int control = value.Trim().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            throw new MaestroQAInputException(InputProblem.InvalidToken, $"The API token holds a control character at position {control + 1}; copy it again from MaestroQA ({WhereTokensAreMadeShort}).");
        }

        _value = value.Trim();
        Fingerprint = "****" + (_value.Length > 8 ? _value.Substring(_value.Length - 4) : string.Empty);
        LimiterKey = SecretHash.Of(_value);
    }

    /// <summary>At most the last four characters, so people can tell tokens apart.</summary>
    public string Fingerprint { get; }

    /// <summary>A one-way hash of the token: rate limiters are shared per token without keeping the token as a key.</summary>
    public string LimiterKey { get; }

    /// <summary>
    /// Stands in for a token where none is needed: a connection that only downloads export files (presigned links,
    /// which never carry a token). It cannot be revealed, so an API call made with it fails before anything is sent.
    /// </summary>
    internal static ApiToken DownloadsOnly { get; } = new();

    internal string Reveal() => ReferenceEquals(this, DownloadsOnly)
        ? throw new InvalidOperationException("This connection only downloads export files; API calls need a session (Connect-Mqa or -Session).")
        : _value;

    public override string ToString() => Fingerprint;
}
