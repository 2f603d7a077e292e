using System;
using System.Globalization;

namespace MaestroQA.Client.Exports;

/// <summary>The one parser for dates in export cells. The exports write UTC, so text without an offset is UTC.</summary>
internal static class ExportDate
{
    // F (not f) makes the fraction and its point optional; K accepts Z, an offset or nothing.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd",
    ];

    private const DateTimeStyles Utc =
        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    public static DateTime Parse(string text) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, Utc, out DateTime date)
            ? date
            : throw new FormatException($"'{text}' is not a date.");
}
