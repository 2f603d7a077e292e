using System;

namespace MaestroQA.Client.Exports;

/// <summary>A column of the exports: its header and how its cells read as <typeparamref name="TValue"/>.</summary>
internal sealed class ExportColumn<TValue>
{
    public ExportColumn(string header, Func<string, TValue> parse)
    {
        Header = header;
        Parse = parse;
    }

    public string Header { get; }

    /// <summary>Reads a cell that holds a value; missing values never reach it.</summary>
    public Func<string, TValue> Parse { get; }
}
