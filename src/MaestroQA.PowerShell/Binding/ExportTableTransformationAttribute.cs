using System;
using System.Management.Automation;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Binding;

/// <summary>
/// Lets a table be named as the API names its file (total_scores) or as the enum does (TotalScores), and checks it at
/// binding. The parameter is a string, not an <see cref="ExportTable"/>: PowerShell completes an enum parameter with the
/// enum's names before it asks an ArgumentCompleter, so only a string parameter can complete both spellings.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ExportTableTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        PSInput.Unwrap(inputData) switch
        {
            null => null,
            ExportTable table => table.ToString(),
            object value when ExportCatalog.TryParse(value.ToString() ?? string.Empty, out ExportTable table) => table.ToString(),
            object value => throw new ArgumentTransformationMetadataException(
                $"'{value}' is not an export table. Use one of: {string.Join(", ", ExportCatalog.Tables)}."),
        };

    /// <summary>The table a parameter bound through this attribute names.</summary>
    public static ExportTable? Parse(string? boundName) =>
        boundName is not null && ExportCatalog.TryParse(boundName, out ExportTable table) ? table : null;
}
