using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace MaestroQA.Client.Models;

/// <summary>
/// A ticket's custom fields (the API's <c>attributes</c> object), by name: a dictionary for indexing, foreach and
/// ConvertTo-Json, and compact JSON where text is wanted, so Export-Csv writes <c>{"plan":"gold"}</c>, which
/// New-MqaTicket reads back from Import-Csv. Values are text, numbers, booleans, null, lists or nested attributes.
/// </summary>
public sealed class TicketAttributes : ReadOnlyDictionary<string, object?>
{
    public TicketAttributes(IDictionary<string, object?> attributes)
        : base(new Dictionary<string, object?>(attributes, StringComparer.Ordinal))
    {
    }

    public override string ToString() => JsonText.Of(this);
}
