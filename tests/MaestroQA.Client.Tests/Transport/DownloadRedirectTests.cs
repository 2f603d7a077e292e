using System.Net;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Transport;

/// <summary>Which storage redirects a download follows: never down to plain http, never more than five.</summary>
public sealed class DownloadRedirectTests
{
    private static readonly Uri Storage = new("https://bucket.s3.example.com/exports/exp_1.zip?sig=abc");

    [Fact]
    public void AnHttpsRedirect_IsFollowed_RelativeOnesFromTheRequest()
    {
        Assert.Equal(new Uri("https://cdn.example.com/x.zip"), ApiTransport.DownloadRedirect(Storage, Redirect("https://cdn.example.com/x.zip"), hops: 0));
        Assert.Equal(new Uri("https://bucket.s3.example.com/other/y.zip"), ApiTransport.DownloadRedirect(Storage, Redirect("/other/y.zip"), hops: 4));
    }

    [Fact]
    public void NoRedirect_IsNull() =>
        Assert.Null(ApiTransport.DownloadRedirect(Storage, new HttpResponseMessage(HttpStatusCode.OK), hops: 0));

    [Theory]
    [InlineData("http://cdn.example.com/x.zip", 0, "from https to plain http")]
    [InlineData("ftp://cdn.example.com/x.zip", 0, "to 'ftp:'")]
    [InlineData("https://cdn.example.com/x.zip", 5, "more than 5 times")]
    public void ADowngrade_AnotherScheme_OrASixthHop_IsAnErrorAboutTheDownload(string location, int hops, string expected)
    {
        var error = Assert.Throws<MaestroQAApiException>(() => ApiTransport.DownloadRedirect(Storage, Redirect(location), hops));

        Assert.Equal(ApiErrorKind.UnexpectedResponse, error.Kind);
        Assert.Contains("redirected the download " + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BaseUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttpStorage_MayRedirectWithinPlainHttp() =>
        Assert.NotNull(ApiTransport.DownloadRedirect(new Uri("http://127.0.0.1:5000/downloads/x"), Redirect("http://localhost:5000/downloads/x"), hops: 0));

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }
}
