using System;

namespace MaestroQA.Client.Configuration;

/// <summary>The API token. It never prints: ToString and the fingerprint show at most its last four characters.</summary>
public sealed class ApiToken
{
    private readonly string _value;

    public ApiToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The API token is empty.", nameof(value));
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
