using System;
using System.Globalization;
using System.Management.Automation;

namespace MaestroQA.PowerShell.Binding;

/// <summary>A bare number given for a TimeSpan means seconds (PowerShell alone would read it as ticks).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            int or long or double or float or decimal => TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            _ => inputData,
        };
    }
}
