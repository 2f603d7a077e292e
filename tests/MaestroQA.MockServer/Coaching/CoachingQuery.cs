namespace MaestroQA.MockServer.Coaching;

/// <summary>Which date of a session timeAxis filters on.</summary>
internal enum CoachingAxis
{
    MeetingDate,
    CreatedAt,
}

/// <summary>
/// A coaching export's question: the sessions whose axis date (the UTC day of meetingDate or createdAt) lies in
/// [Start, End], both days included. Read from the API's body and from /admin's query alike.
/// </summary>
internal sealed record CoachingQuery(DateOnly Start, DateOnly End, CoachingAxis Axis)
{
    public const string StartField = "startDate";
    public const string EndField = "endDate";
    public const string AxisField = "timeAxis";

    /// <summary>The axes' names, as the vendor spells them (and the fields of a session they read).</summary>
    public static readonly IReadOnlyDictionary<string, CoachingAxis> Axes = new Dictionary<string, CoachingAxis>(StringComparer.Ordinal)
    {
        ["meetingDate"] = CoachingAxis.MeetingDate,
        ["createdAt"] = CoachingAxis.CreatedAt,
    };

    /// <summary>Every failure is an invalid parameter naming the field; the axis defaults to meetingDate.</summary>
    public static CoachingQuery Parse(string? start, string? end, string? axis)
    {
        var startDay = Day(StartField, start);
        var endDay = Day(EndField, end);
        if (axis is not null && !Axes.ContainsKey(axis))
        {
            throw ApiException.InvalidParameter(
                $"Invalid parameter '{AxisField}': '{axis}' is not one of: {string.Join(", ", Axes.Keys)}");
        }

        return new CoachingQuery(startDay, endDay, axis is null ? CoachingAxis.MeetingDate : Axes[axis]);
    }

    private static DateOnly Day(string name, string? text)
    {
        if (text is null)
        {
            throw BodyFields.Missing(name);
        }

        return DateFormats.TryParseDay(text, out var day)
            ? day
            : throw ApiException.InvalidParameter(
                $"Invalid parameter '{name}': '{text}' is not a date in the format {DateFormats.DayFormatDescription}");
    }
}
