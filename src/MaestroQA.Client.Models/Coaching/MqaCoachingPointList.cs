using System.Collections.Generic;

namespace MaestroQA.Client.Models;

/// <summary>A session's coaching points; its text is a JSON array of them (see <see cref="MqaApiObjectList{T}"/>).</summary>
public sealed class MqaCoachingPointList : MqaApiObjectList<MqaCoachingPoint>
{
    public MqaCoachingPointList(IEnumerable<MqaCoachingPoint> points)
        : base(points)
    {
    }
}
