using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Binding;

/// <summary>
/// Accepts @{ PerSecond = 1; PerMinute = 30 } for a rate-limit override, optionally with SafetyMarginMs (added to
/// both windows for clock and network jitter) and WindowScale (for tests against a server with scaled windows).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class RateLimitPolicyTransformationAttribute : ArgumentTransformationAttribute
{
    private static readonly string[] Keys = ["PerSecond", "PerMinute", "SafetyMarginMs", "WindowScale"];

    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = PSInput.Unwrap(inputData);
        if (value is not IDictionary table)
        {
            return inputData;
        }

        try
        {
            foreach (object key in table.Keys)
            {
                if (Array.FindIndex(Keys, known => string.Equals(known, key?.ToString(), StringComparison.OrdinalIgnoreCase)) < 0)
                {
                    throw new ArgumentException($"The key '{key}' is not one of {string.Join(", ", Keys)}.");
                }
            }

            var policy = new RateLimitPolicy(ToInt(table, "PerSecond"), ToInt(table, "PerMinute"));
            return policy with
            {
                SafetyMargin = table.Contains("SafetyMarginMs") ? TimeSpan.FromMilliseconds(Convert.ToDouble(table["SafetyMarginMs"], CultureInfo.InvariantCulture)) : policy.SafetyMargin,
                WindowScale = table.Contains("WindowScale") ? Convert.ToDouble(table["WindowScale"], CultureInfo.InvariantCulture) : policy.WindowScale,
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or ArgumentException)
        {
            throw new ArgumentTransformationMetadataException($"A rate limit is @{{ PerSecond = <int>; PerMinute = <int> [; SafetyMarginMs = <number>] }}: {ex.Message}", ex);
        }
    }

    private static int ToInt(IDictionary table, string key) =>
        table.Contains(key)
            ? Convert.ToInt32(table[key], CultureInfo.InvariantCulture)
            : throw new ArgumentException($"The key '{key}' is missing.");
}
