using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace MaestroQA.PowerShell.Cmdlets.Tickets;

/// <summary>
/// The columns a ticket row may have: each ticket field's parameter name and aliases (PascalCase or the API's own
/// names), whatever the case. It binds hashtable rows, which PowerShell does not bind by property name, and names the
/// columns that match nothing, so a misspelt header is not met only as "Subject is required".
/// </summary>
internal sealed class TicketColumns
{
    // MaestroQA's own id: on rows exported from tickets, but never sent.
    private static readonly string[] KnownOtherColumns = ["Id", "_id"];

    private readonly Dictionary<string, string> _fieldByColumn = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _known = new(KnownOtherColumns, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _reported = new(StringComparer.OrdinalIgnoreCase);

    public TicketColumns(CommandInfo command, IEnumerable<string> fieldNames)
    {
        var fields = new HashSet<string>(fieldNames, StringComparer.OrdinalIgnoreCase);
        foreach (ParameterMetadata parameter in command.Parameters.Values)
        {
            foreach (string name in parameter.Aliases.Prepend(parameter.Name))
            {
                _known.Add(name);
                if (fields.Contains(parameter.Name))
                {
                    _fieldByColumn[name] = parameter.Name;
                }
            }
        }
    }

    /// <summary>The field (parameter) a hashtable key names, or null.</summary>
    public string? FieldOf(string column) => _fieldByColumn.TryGetValue(column, out string? field) ? field : null;

    /// <summary>The columns of <paramref name="row"/> that match no field, not reported before: each is named once per command.</summary>
    public IReadOnlyList<string> NewUnknownColumns(PSObject row)
    {
        IEnumerable<string> columns = row.BaseObject is IDictionary dictionary
            ? dictionary.Keys.Cast<object>().Select(key => key?.ToString() ?? string.Empty)
            : row.BaseObject is string ? [] : row.Properties.Select(property => property.Name);
        return columns.Where(column => !_known.Contains(column) && _reported.Add(column)).ToArray();
    }
}
