using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using MaestroQA.Client.RateLimiting;

namespace MaestroQA.PowerShell.Binding;

/// <summary>Accepts @{ PerSecond = 1; PerMinute = 30 } (optionally WindowScale) for a rate-limit override.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class RateLimitPolicyTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not IDictionary table)
        {
            return inputData;
        }

        try
        {
            return new RateLimitPolicy(ToInt(table, "PerSecond"), ToInt(table, "PerMinute"))
            {
                WindowScale = table.Contains("WindowScale") ? Convert.ToDouble(table["WindowScale"], CultureInfo.InvariantCulture) : 1.0,
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or ArgumentException)
        {
            throw new ArgumentTransformationMetadataException($"A rate limit is @{{ PerSecond = <int>; PerMinute = <int> }}: {ex.Message}", ex);
        }
    }

    private static int ToInt(IDictionary table, string key) =>
        table.Contains(key)
            ? Convert.ToInt32(table[key], CultureInfo.InvariantCulture)
            : throw new ArgumentException($"The key '{key}' is missing.");
}
