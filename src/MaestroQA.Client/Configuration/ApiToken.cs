using System;
using System.Linq;

namespace MaestroQA.Client.Configuration;

/// <summary>The API token. It never prints: ToString and the fingerprint show at most its last four characters.</summary>
public sealed class ApiToken
{
    private static readonly char[] ControlCharacters = [.. Enumerable.Range(0, 32).Select(c => (char)c), (char)127];

    private readonly string _value;

    public ApiToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The API token is empty.", nameof(value));
        }

        // A line break would put a header of its own on the wire; no real token holds one.
        int control = value.Trim().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            throw new ArgumentException($"The API token holds a control character at position {control + 1}; copy it again from MaestroQA (Other Settings > API Tokens).", nameof(value));
        }

        _value = value.Trim();
        Fingerprint = "****" + (_value.Length > 8 ? _value.Substring(_value.Length - 4) : string.Empty);
        LimiterKey = SecretHash.Of(_value);
    }

    /// <summary>At most the last four characters, so people can tell tokens apart.</summary>
    public string Fingerprint { get; }

    /// <summary>A one-way hash of the token: rate limiters are shared per token without keeping the token as a key.</summary>
    public string LimiterKey { get; }

    internal string Reveal() => _value;

    public override string ToString() => Fingerprint;
}
