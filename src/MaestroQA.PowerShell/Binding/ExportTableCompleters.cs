using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MaestroQA.Client.Exports;

namespace MaestroQA.PowerShell.Binding;

/// <summary>Completes -Table with every table, in both spellings users type: total_scores and TotalScores.</summary>
public sealed class ExportTableCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ExportTableCompletion.Complete(ExportCatalog.Tables, wordToComplete);
}

/// <summary>Completes -SingleFile with the five tables of a raw export, in both spellings.</summary>
public sealed class RawExportTableCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ExportTableCompletion.Complete(ExportCatalog.RawTables, wordToComplete);
}

internal static class ExportTableCompletion
{
    public static IEnumerable<CompletionResult> Complete(IEnumerable<ExportTableInfo> tables, string wordToComplete)
    {
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return tables
            .SelectMany(info => new[] { info.FileStem, info.Table.ToString() })
            .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
    }
}
