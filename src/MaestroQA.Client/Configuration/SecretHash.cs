using System;
using System.Security.Cryptography;
using System.Text;

namespace MaestroQA.Client.Configuration;

/// <summary>A one-way hash that tells secrets apart in cache keys without keeping them: unlike GetHashCode, it cannot be reversed by trying guesses against a 32-bit value, and it is the same in every process.</summary>
internal static class SecretHash
{
    public static string Of(string secret)
    {
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(secret))).Replace("-", string.Empty);
    }
}
