using System;

namespace MaestroQA.Client.Models;

/// <summary>The coaching sessions whose <see cref="TimeAxis"/> date lies in [StartDate, EndDate).</summary>
public sealed record CoachingSessionRequest(DateTimeOffset StartDate, DateTimeOffset EndDate)
{
    public CoachingTimeAxis TimeAxis { get; init; } = CoachingTimeAxis.MeetingDate;
}
