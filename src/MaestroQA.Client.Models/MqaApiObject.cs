using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Reflection;

namespace MaestroQA.Client.Models;

/// <summary>An object MaestroQA answers with in JSON, such as a coaching session; fields this release does not know are kept.</summary>
public abstract class MqaApiObject
{
    private static readonly IReadOnlyDictionary<string, object?> NoAdditionalFields =
        new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>());

    private protected MqaApiObject()
    {
    }

    /// <summary>Set by the engine; internal, so Export-Csv and ConvertTo-Json never show the dictionary.</summary>
    internal IReadOnlyDictionary<string, object?> AdditionalFields { get; set; } = NoAdditionalFields;

    /// <summary>
    /// Fields the server added after this release, by their JSON name in the order sent, so that no data is dropped.
    /// Values are texts, booleans, numbers (long or double), null, lists (object[]) or objects (by name). A method, so
    /// that output cmdlets show each value once.
    /// </summary>
    public IReadOnlyDictionary<string, object?> GetAdditionalFields() => AdditionalFields;

    /// <summary>The known properties in their order, then the additional fields: what the JSON text of a list shows.</summary>
    internal IEnumerable<KeyValuePair<string, object?>> Fields() =>
        GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => new KeyValuePair<string, object?>(property.Name, property.GetValue(this)))
            .Concat(AdditionalFields);
}
