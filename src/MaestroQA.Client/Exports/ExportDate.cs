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

    private const int MaxFractionDigits = 7;

    public static DateTime Parse(string text) =>
        TryParseUsualLayout(text, out DateTime date) || TryParseAnyLayout(text, out date)
            ? date
            : throw new FormatException($"'{text}' is not a date.");

    internal static bool TryParseAnyLayout(string text, out DateTime date) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, Utc, out date);

    /// <summary>
    /// Reads the layout nearly every cell has, <c>2020-06-24 12:34:56.789</c> (fraction optional, 'T' and a final 'Z'
    /// allowed), without the general parser, which would otherwise be most of the time spent reading an export.
    /// False for anything else, which <see cref="TryParseAnyLayout"/> then decides.
    /// </summary>
    internal static bool TryParseUsualLayout(string text, out DateTime date)
    {
        date = default;
        int length = text.Length > 0 && text[text.Length - 1] == 'Z' ? text.Length - 1 : text.Length;
        if (length < 19 || length == 20 || length > 20 + MaxFractionDigits
            || text[4] != '-' || text[7] != '-' || (text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':'
            || (length > 19 && text[19] != '.'))
        {
            return false;
        }

        if (!TryReadDigits(text, 0, 4, out int year) || !TryReadDigits(text, 5, 2, out int month) || !TryReadDigits(text, 8, 2, out int day)
            || !TryReadDigits(text, 11, 2, out int hour) || !TryReadDigits(text, 14, 2, out int minute) || !TryReadDigits(text, 17, 2, out int second))
        {
            return false;
        }

        long fractionTicks = 0;
        if (length > 19)
        {
            int digits = length - 20;
            if (!TryReadDigits(text, 20, digits, out int fraction))
            {
                return false;
            }

            fractionTicks = fraction;
            for (int scale = digits; scale < MaxFractionDigits; scale++)
            {
                fractionTicks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        date = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        return true;
    }

    private static bool TryReadDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
