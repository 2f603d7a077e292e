using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace MaestroQA.Client.Models;

/// <summary>One row of a MaestroQA export file.</summary>
public abstract class MqaExportRow
{
    private static readonly IReadOnlyDictionary<string, string?> NoAdditionalColumns =
        new ReadOnlyDictionary<string, string?>(new Dictionary<string, string?>());

    private protected MqaExportRow()
    {
    }

    /// <summary>Set by the reader; internal, so Export-Csv and ConvertTo-Json never show the dictionary.</summary>
    internal IReadOnlyDictionary<string, string?> AdditionalColumns { get; set; } = NoAdditionalColumns;

    /// <summary>
    /// Columns the server added after this release, by header in file order, so that no data is dropped; Import-MqaExport
    /// also adds each as a property of the row. Values are the cell text, null when the cell holds no value.
    /// A method, so that output cmdlets show each value once.
    /// </summary>
    public IReadOnlyDictionary<string, string?> GetAdditionalColumns() => AdditionalColumns;
}
