using System.Net.Http;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Transport;

/// <summary>Retry-After in both of its forms.</summary>
public sealed class RetryAfterHeaderTests
{
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
}
