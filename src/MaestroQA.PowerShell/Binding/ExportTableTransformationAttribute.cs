using System;
using System.Management.Automation;
using MaestroQA.Client.Exports;

namespace MaestroQA.PowerShell.Binding;

/// <summary>Lets a table be named as the API names its file (total_scores) or as the enum does (TotalScores).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ExportTableTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        return ExportTables.TryParse(text, out ExportTable table)
            ? table
            : throw new ArgumentTransformationMetadataException(
                $"'{text}' is not an export table. Use one of: {string.Join(", ", ExportTables.AllFileStems)}.");
    }
}
