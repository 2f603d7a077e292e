using System;
using System.Management.Automation;
using MaestroQA.Client.Dates;

namespace MaestroQA.PowerShell.Binding;

/// <summary>Takes a DateTime, DateTimeOffset or string and yields a UTC DateTimeOffset (see <see cref="DateInput"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ApiDateTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is null)
        {
            return null;
        }

        return DateInput.TryToUtc(PSInput.Unwrap(inputData), out DateTimeOffset utc)
            ? utc
            : throw new ArgumentTransformationMetadataException(
                $"'{inputData}' is not a date. Use a [datetime], or a string such as '2024-01-31' or '2024-01-31T08:00:00Z'.");
    }
}
