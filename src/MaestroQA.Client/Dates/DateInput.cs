using System;
using System.Globalization;
using MaestroQA.Client.Api.Wire;

namespace MaestroQA.Client.Dates;

/// <summary>
/// The one conversion from what users type or CSV files hold to a UTC instant. A DateTime of Unspecified kind, and a
/// string without an offset, is local time, as .NET's ToUniversalTime treats it.
/// </summary>
public static class DateInput
{
    public static bool TryToUtc(object? value, out DateTimeOffset utc)
    {
        switch (value)
        {
            case DateTimeOffset offset:
                utc = offset.ToUniversalTime();
                return true;
            case DateTime date:
                utc = ApiDateFormat.ToUtc(date);
                return true;
            case string text when DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out DateTimeOffset parsed):
                utc = parsed.ToUniversalTime();
                return true;
            default:
                utc = default;
                return false;
        }
    }
}
