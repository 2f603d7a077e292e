using System;
using System.Reflection;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>A column of a table bound to the row property it fills.</summary>
internal abstract class ExportColumnBinding<TRow>
    where TRow : MqaExportRow
{
    private protected ExportColumnBinding(string header)
    {
        Header = header;
    }

    public string Header { get; }

    /// <summary>A number, date or boolean column, whose cells may spell "no value" as text (<see cref="ExportCell.MeansNoValue"/>).</summary>
    public bool IsTyped { get; private protected init; }

    /// <summary>The columns of <typeparamref name="TRow"/>, from its <see cref="ExportColumnAttribute"/>s, in declaration order.</summary>
    public static ExportColumnBinding<TRow>[] ForRowType()
    {
        var bindings = new System.Collections.Generic.List<ExportColumnBinding<TRow>>();
        foreach (PropertyInfo property in typeof(TRow).GetProperties())
        {
            if (property.GetCustomAttribute<ExportColumnAttribute>() is ExportColumnAttribute column)
            {
                Type binding = typeof(ExportColumnBinding<,>).MakeGenericType(typeof(TRow), property.PropertyType);
                bindings.Add((ExportColumnBinding<TRow>)Activator.CreateInstance(binding, column.Header, property)!);
            }
        }

        return bindings.ToArray();
    }

    /// <summary>Reads a cell that holds a value into the row; missing values never reach it.</summary>
    /// <exception cref="FormatException">The text does not fit the column.</exception>
    public abstract void Assign(TRow row, string text);
}

/// <summary>A column whose property is of type <typeparamref name="TValue"/>: an open delegate to the setter, and the cell parser for that type.</summary>
internal sealed class ExportColumnBinding<TRow, TValue> : ExportColumnBinding<TRow>
    where TRow : MqaExportRow
{
    private readonly Action<TRow, TValue> _set;
    private readonly Func<string, TValue> _parse;

    public ExportColumnBinding(string header, PropertyInfo property)
        : base(header)
    {
        IsTyped = typeof(TValue) != typeof(string) && typeof(TValue) != typeof(TextList);
        _set = (Action<TRow, TValue>)Delegate.CreateDelegate(typeof(Action<TRow, TValue>), property.GetSetMethod()!);
        _parse = ExportCell.ParserFor<TValue>()
            ?? throw new InvalidOperationException($"{typeof(TRow).Name}.{property.Name}: export columns read string, double?, DateTime?, bool? or TextList, not {typeof(TValue).Name}.");
    }

    public override void Assign(TRow row, string text) => _set(row, _parse(text));
}
