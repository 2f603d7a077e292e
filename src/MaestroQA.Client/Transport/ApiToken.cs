using System;
using System.Security.Cryptography;
using System.Text;

namespace MaestroQA.Client.Transport;

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
        LimiterKey = ComputeLimiterKey(_value);
    }

    /// <summary>At most the last four characters, so people can tell tokens apart.</summary>
    public string Fingerprint { get; }

    /// <summary>A one-way hash of the token: rate limiters are shared per token without keeping the token as a key.</summary>
    public string LimiterKey { get; }

    internal string Reveal() => _value;

    public override string ToString() => Fingerprint;

    private static string ComputeLimiterKey(string value)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
        return BitConverter.ToString(hash).Replace("-", string.Empty);
    }
}
