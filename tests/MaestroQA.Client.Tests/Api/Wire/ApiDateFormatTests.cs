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

    [Fact]
    public void Unspecified_dates_are_local_time()
    {
        var unspecified = new DateTime(2024, 1, 31, 8, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(unspecified.ToUniversalTime(), ApiDateFormat.ToUtc(unspecified).UtcDateTime);
    }
}
