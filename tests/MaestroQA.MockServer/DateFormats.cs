using System.Globalization;
using System.Text.RegularExpressions;

namespace MaestroQA.MockServer;

/// <summary>Every date the server reads or writes goes through here.</summary>
internal static partial class DateFormats
{
    public const string ApiFormatDescription = "YYYY-MM-DDTHH:MM:SSZ (UTC, e.g. 2017-12-13T05:00:00Z)";

    /// <summary>The article's format, plus the fractional seconds its own ticket example uses.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiDatePattern();

    public const string DayFormatDescription = "YYYY-MM-DD (e.g. 2024-01-31)";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DayPattern();

    /// <summary>A calendar day, as the coaching export takes its range: 2024-01-31, nothing more.</summary>
    public static bool TryParseDay(string text, out DateOnly day)
    {
        day = default;
        return DayPattern().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    public static bool TryParseApiDate(string text, out DateTime utc)
    {
        utc = default;
        return ApiDatePattern().IsMatch(text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
    }

    /// <summary>ISO 8601 UTC with milliseconds, as a JavaScript backend's Date.toISOString() writes it.</summary>
    public static string Iso(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Iso(DateTime? utc) => utc is { } value ? Iso(value) : null;

    /// <summary>ISO 8601 UTC to the second: the article's own format.</summary>
    public static string IsoSeconds(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The Excel formula real exports use so spreadsheets keep the value as text: ="2020-06-24 12:34:56.789".</summary>
    public static string ExcelFormula(DateTime utc, bool withMilliseconds) =>
        "=\"" + utc.ToString(withMilliseconds ? "yyyy-MM-dd HH:mm:ss.fff" : "yyyy-MM-dd HH:mm:ss",
            CultureInfo.InvariantCulture) + "\"";

    /// <summary>Offsets a date can be written in: UTC and a few local zones, so a reader must apply the offset.</summary>
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(-5), new(5, 30, 0), TimeSpan.FromHours(9)];

    /// <summary>ISO 8601 with a numeric offset, the offset picked from the value so it repeats: 2024-01-01T22:04:05-05:00.</summary>
    public static string IsoWithOffset(DateTime utc, bool withMilliseconds) =>
        new DateTimeOffset(utc).ToOffset(Offsets[utc.Second % Offsets.Length])
            .ToString(withMilliseconds ? "yyyy-MM-dd'T'HH:mm:ss.fffzzz" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTime TruncateToSecond(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    public static DateTime TruncateToMillisecond(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
