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

    /// <summary>
    /// Columns the server added after this release, by header, so that no data is dropped.
    /// Values are the cell text, null when the cell is empty or <c>Unknown</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> AdditionalColumns { get; internal set; } = NoAdditionalColumns;
}
