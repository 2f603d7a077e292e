using System;
using System.Globalization;
using System.Management.Automation;

namespace MaestroQA.PowerShell.Binding;

/// <summary>
/// A bare number given for a TimeSpan means seconds: PowerShell alone would read 600 as ticks and '600' (from a CSV or
/// an Automation variable) as days. "00:10:00" still means ten minutes.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = PSInput.Unwrap(inputData);
        return value switch
        {
            int or long or double or float or decimal => TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) => TimeSpan.FromSeconds(seconds),
            _ => inputData,
        };
    }
}
