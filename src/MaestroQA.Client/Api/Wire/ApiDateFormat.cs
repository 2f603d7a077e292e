using System;
using System.Globalization;

namespace MaestroQA.Client.Api.Wire;

/// <summary>The one date format the API takes: UTC, whole seconds, <c>Z</c> suffix (the seed doc's "Formats").</summary>
public static class ApiDateFormat
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string DayPattern = "yyyy-MM-dd";

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>A UTC date as the coaching export takes it: <c>YYYY-MM-DD</c>, no time.</summary>
    public static string FormatDay(DateTime utcDay) =>
        utcDay.ToString(DayPattern, CultureInfo.InvariantCulture);

    /// <summary>Unspecified kind is local time, as DateTime.ToUniversalTime treats it.</summary>
    public static DateTimeOffset ToUtc(DateTime value) =>
        new DateTimeOffset(value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(), TimeSpan.Zero);

    public static DateTime? ParseUtc(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed)
            ? parsed.UtcDateTime
            : null;
    }
}
