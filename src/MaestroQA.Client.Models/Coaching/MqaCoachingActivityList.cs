using System.Collections.Generic;

namespace MaestroQA.Client.Models;

/// <summary>A session's activity log; its text is a JSON array of the entries (see <see cref="MqaApiObjectList{T}"/>).</summary>
public sealed class MqaCoachingActivityList : MqaApiObjectList<MqaCoachingActivity>
{
    public MqaCoachingActivityList(IEnumerable<MqaCoachingActivity> entries)
        : base(entries)
    {
    }
}
