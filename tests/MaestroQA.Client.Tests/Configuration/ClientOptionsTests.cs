using System.Net;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;

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
        var token = new ApiToken("mqa-test-token-0001");
        if (allowed)
        {
            Assert.Equal(new Uri(uri), new MaestroQAClientOptions(token, new Uri(uri)).BaseUri);
        }
        else
        {
            Assert.Equal(InputProblem.InsecureBaseUri, Assert.Throws<MaestroQAInputException>(() => new MaestroQAClientOptions(token, new Uri(uri))).Problem);
        }
    }

    [Theory]
    [InlineData("https://app.maestroqa.com/api/v1", "https://APP.maestroqa.com:443/api/v1/", true)]
    [InlineData("https://app.maestroqa.com/api/v1/", "https://app.rippit.com/api/v1/", false)]
    [InlineData("http://127.0.0.1:5000/api/v1/", "http://127.0.0.1:5001/api/v1/", false)]
    public void Bases_AreTheSame_WrittenAnyWay(string a, string b, bool same) =>
        Assert.Equal(same, BaseUris.Same(new Uri(a), new Uri(b)));

    [Theory]
    [InlineData("https://app.maestroqa.com/api/v1/", "https://app.rippit.com/api/v1/", true)]
    [InlineData("https://app.maestroqa.com/api/v1/", "https://eu.rippit.com/api/v1/", true)]
    [InlineData("https://app.maestroqa.com/api/v1/", "https://app.rippit.com/api/v2/", false)]
    [InlineData("https://app.maestroqa.com/api/v1/", "https://rippit.com.example/api/v1/", false)]
    public void TheVendorsApi_IsOneApiOnEitherDomain(string a, string b, bool same) =>
        Assert.Equal(same, BaseUris.SameApi(new Uri(a), new Uri(b)));

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
