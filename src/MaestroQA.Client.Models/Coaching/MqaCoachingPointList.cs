using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MaestroQA.Client.Models;

/// <summary>
/// A session's coaching points: a list for indexing, foreach and ConvertTo-Json (an array of objects), and a JSON
/// array where text is wanted, so an Export-Csv cell holds every point, with every field, and never a type name.
/// </summary>
public sealed class MqaCoachingPointList : ReadOnlyCollection<MqaCoachingPoint>
{
    public MqaCoachingPointList(IEnumerable<MqaCoachingPoint> points)
        : base(points.ToArray())
    {
    }

    public override string ToString() => JsonText.Of(this);
}
