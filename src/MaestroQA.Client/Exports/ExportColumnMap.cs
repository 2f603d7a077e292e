using System;
using System.Collections.Generic;

namespace MaestroQA.Client.Exports;

/// <summary>A table's columns by header, each bound to the row property it fills.</summary>
internal sealed class ExportColumnMap<TRow> : Dictionary<string, Action<TRow, string>>
{
    public ExportColumnMap()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public void Add<TValue>(ExportColumn<TValue> column, Action<TRow, TValue> assign) =>
        Add(column.Header, (row, text) => assign(row, column.Parse(text)));
}
