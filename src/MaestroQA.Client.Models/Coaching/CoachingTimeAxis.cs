namespace MaestroQA.Client.Models;

/// <summary>Which date of a coaching session decides whether it is in a range (the coaching export's timeAxis).</summary>
public enum CoachingTimeAxis
{
    /// <summary>When the coaching meeting was held (the API's default).</summary>
    MeetingDate,

    /// <summary>When the coaching session was created in MaestroQA.</summary>
    CreatedAt,
}
