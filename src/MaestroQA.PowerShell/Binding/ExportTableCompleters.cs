using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MaestroQA.Client.Exports;

namespace MaestroQA.PowerShell.Binding;

/// <summary>Tab completion with the API's table names.</summary>
public abstract class ExportTableCompleter : IArgumentCompleter
{
    protected abstract IEnumerable<string> Names { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Names.Where(name => name.StartsWith(wordToComplete.Trim('\'', '"'), System.StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
}

public sealed class RawExportTableCompleter : ExportTableCompleter
{
    protected override IEnumerable<string> Names => ExportTables.RawFileStems;
}

public sealed class AnyExportTableCompleter : ExportTableCompleter
{
    protected override IEnumerable<string> Names => ExportTables.AllFileStems;
}
