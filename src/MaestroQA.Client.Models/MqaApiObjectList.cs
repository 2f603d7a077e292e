using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MaestroQA.Client.Models;

/// <summary>
/// A list of API objects (a session's coaching points, its activity log): a list for indexing, foreach and ConvertTo-Json
/// (an array of objects), and a JSON array where text is wanted, so an Export-Csv cell holds every item, with every
/// field (unknown ones too), and never a type name.
/// </summary>
public abstract class MqaApiObjectList<T> : ReadOnlyCollection<T>
    where T : MqaApiObject
{
    private protected MqaApiObjectList(IEnumerable<T> items)
        : base(items.ToArray())
    {
    }

    public override string ToString() => JsonText.Of(this);
}
