using System;

namespace MaestroQA.Client.Models;

/// <summary>
/// Makes a row class the rows of one export table. With <see cref="ExportColumnAttribute"/> on its properties, the
/// class is all the engine needs to read the table: adding a table is an <see cref="ExportTable"/> value and a row class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExportFileAttribute : Attribute
{
    public ExportFileAttribute(ExportTable table, string fileStem, ExportKind kind)
    {
        Table = table;
        FileStem = fileStem;
        Kind = kind;
    }

    public ExportTable Table { get; }

    /// <summary>What MaestroQA calls the table's file: the raw export's singleFileExport value (<c>total_scores</c>).</summary>
    public string FileStem { get; }

    /// <summary>The kind of export that holds the table.</summary>
    public ExportKind Kind { get; }
}
