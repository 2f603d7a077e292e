using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MaestroQA.Client.Models;

/// <summary>
/// A session's activity log: a list for indexing, foreach and ConvertTo-Json (an array of objects), and a JSON array
/// where text is wanted, so an Export-Csv cell holds every entry, with every field, and never a type name.
/// </summary>
public sealed class MqaCoachingActivityList : ReadOnlyCollection<MqaCoachingActivity>
{
    public MqaCoachingActivityList(IEnumerable<MqaCoachingActivity> entries)
        : base(entries.ToArray())
    {
    }

    public override string ToString() => JsonText.Of(this);
}
