using System;

namespace MaestroQA.Client.Models;

/// <summary>
/// Binds a row property to a column of its table by the header MaestroQA writes. The property's type says how cells
/// read: string, double?, DateTime? (UTC), bool? or <see cref="TextList"/> (comma-separated).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ExportColumnAttribute : Attribute
{
    public ExportColumnAttribute(string header)
    {
        Header = header;
    }

    public string Header { get; }

    /// <summary>
    /// One of the columns, present since the earliest known exports, that no other table has: a header row holding
    /// all of its table's identifying columns is that table's, whatever the file is called.
    /// </summary>
    public bool IdentifiesTable { get; set; }
}
