using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MaestroQA.Client.Models;

/// <summary>
/// A list of ids or tags: a list for indexing, -contains, foreach and ConvertTo-Json, and comma-separated text where
/// text is wanted, so Export-Csv writes <c>a1,a2</c> (which New-MqaTicket and Import-Csv read back) and never the
/// type name a string[] would leave in the cell.
/// </summary>
public sealed class TextList : ReadOnlyCollection<string>
{
    public TextList(IEnumerable<string> items)
        : base(items.ToArray())
    {
    }

    public static implicit operator TextList(string[] items) => new(items);

    public override string ToString() => string.Join(",", this);
}
