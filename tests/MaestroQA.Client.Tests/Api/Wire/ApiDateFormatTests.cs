using System.Globalization;
using MaestroQA.Client.Api.Wire;

namespace MaestroQA.Client.Tests.Api.Wire;

/// <summary>The one date format the API takes.</summary>
public sealed class ApiDateFormatTests
{
    [Fact]
    public void Dates_go_out_as_utc_whole_seconds_with_z()
    {
        var eastOfUtc = new DateTimeOffset(2018, 8, 13, 2, 30, 15, 999, TimeSpan.FromHours(2));

        Assert.Equal("2018-08-13T00:30:15Z", ApiDateFormat.Format(eastOfUtc));
    }

    /// <summary>
    /// The answers are written out for the zones the build runs this in (build.ps1: the machine's UTC, Asia/Kolkata,
    /// America/New_York, winter and summer), so the code cannot agree with the test by sharing its arithmetic.
    /// </summary>
    [Theory]
    [Trait("Category", "LocalTime")]
    [InlineData("2024-01-31T08:00:00", "2024-01-31T08:00:00Z", "2024-01-31T02:30:00Z", "2024-01-31T13:00:00Z")]
    [InlineData("2024-06-15T12:00:00", "2024-06-15T12:00:00Z", "2024-06-15T06:30:00Z", "2024-06-15T16:00:00Z")]
    public void Unspecified_dates_are_local_time(string local, string inUtc, string inKolkata, string inNewYork)
    {
        var unspecified = DateTime.ParseExact(local, "s", CultureInfo.InvariantCulture);
        string expected = TimeZoneInfo.Local.Id switch
        {
            "UTC" or "Etc/UTC" or "Etc/UCT" or "Etc/Universal" or "Etc/Zulu" or "Universal" or "Zulu" => inUtc,
            "Asia/Kolkata" or "Asia/Calcutta" or "India Standard Time" => inKolkata,
            "America/New_York" or "US/Eastern" or "Eastern Standard Time" => inNewYork,

            // A zone with no written answer (a developer's own): TimeZoneInfo's.
            _ => TimeZoneInfo.ConvertTimeToUtc(unspecified, TimeZoneInfo.Local).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };

        Assert.Equal(DateTimeKind.Unspecified, unspecified.Kind);
        Assert.Equal(expected, ApiDateFormat.Format(ApiDateFormat.ToUtc(unspecified)));
    }
}
