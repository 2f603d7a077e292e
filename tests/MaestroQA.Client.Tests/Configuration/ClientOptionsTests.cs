using System.Net;
using MaestroQA.Client.Configuration;

namespace MaestroQA.Client.Tests.Configuration;

/// <summary>The token never prints; the base URI is checked and normalised.</summary>
public sealed class ClientOptionsTests
{
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

    [Fact]
    public void A_proxy_password_tells_cache_keys_apart_without_being_in_them()
    {
        var proxy = new Uri("http://proxy.example:8080");
        string Key(string password) => new ProxySettings(proxy, new NetworkCredential("ana", password), false).CacheKey;

        Assert.Equal(Key("s3cret-one"), Key("s3cret-one"));
        Assert.NotEqual(Key("s3cret-one"), Key("s3cret-two"));
        Assert.DoesNotContain("s3cret", Key("s3cret-one"), StringComparison.Ordinal);

        // The same in every process, unlike string.GetHashCode, and not a 32-bit value one could search.
        Assert.Contains("|2ED45968DE9CAA56CA8AD382FB9DE62DC4A915C7ED24EDE8BFE66823B70B3AED|", Key("s3cret-one"), StringComparison.Ordinal);
    }
}
