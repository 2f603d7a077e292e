using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Transport;

public sealed class ApiFormatsTests
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

    [Fact]
    public void Retry_after_reads_seconds_and_http_dates()
    {
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage();
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var date = new HttpResponseMessage();
        date.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(12).ToString("R"));
        using var none = new HttpResponseMessage();

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterHeader.Read(seconds.Headers, now));
        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfterHeader.Read(date.Headers, now));
        Assert.Null(RetryAfterHeader.Read(none.Headers, now));
    }

    [Fact]
    public void The_token_never_prints()
    {
        var token = new ApiToken("mqa-secret-token-1234");

        Assert.Equal("****1234", token.ToString());
        Assert.Equal("****1234", token.Fingerprint);
        Assert.DoesNotContain("secret", token.LimiterKey, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("****", new ApiToken("short").Fingerprint);
    }

    [Theory]
    [InlineData("https://app.maestroqa.com/api/v1/", true)]
    [InlineData("http://127.0.0.1:5000/api/v1/", true)]
    [InlineData("http://localhost:5000/api/v1/", true)]
    [InlineData("http://app.maestroqa.com/api/v1/", false)]
    [InlineData("ftp://app.maestroqa.com/", false)]
    public void Plain_http_only_for_loopback(string uri, bool allowed)
    {
        Assert.Equal(allowed, MaestroQAClientOptions.IsAllowedBaseUri(new Uri(uri)));
    }
}
