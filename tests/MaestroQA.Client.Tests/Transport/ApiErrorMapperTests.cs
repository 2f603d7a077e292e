using System.Net;
using System.Text;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Transport;

public sealed class ApiErrorMapperTests
{
    private static readonly ApiRequest Request = new(HttpMethod.Post, "tickets", EndpointClass.Easy);

    /// <summary>How long 429s were retried for: the mapper says so when a Retry-After asked for longer.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(400, ApiErrorKind.InvalidRequest)]
    [InlineData(422, ApiErrorKind.InvalidRequest)]
    [InlineData(401, ApiErrorKind.Unauthorized)]
    [InlineData(403, ApiErrorKind.Forbidden)]
    [InlineData(404, ApiErrorKind.NotFound)]
    [InlineData(408, ApiErrorKind.Timeout)]
    [InlineData(409, ApiErrorKind.Conflict)]
    [InlineData(429, ApiErrorKind.RateLimited)]
    [InlineData(500, ApiErrorKind.ServerError)]
    [InlineData(503, ApiErrorKind.ServerError)]
    [InlineData(418, ApiErrorKind.UnexpectedResponse)]
    public void Maps_status_to_kind(int status, ApiErrorKind expected)
    {
        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, Response(status, "{\"message\":\"said the server\"}"), Budget);

        Assert.Equal(expected, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("said the server", error.ServerMessage);
        Assert.Contains("said the server", error.Message);
        Assert.Contains("POST tickets", error.Message);
    }

    [Fact]
    public void Unauthorized_explains_the_90_day_expiry()
    {
        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, Response(401, "{\"message\":\"API token expired\"}"), Budget);

        Assert.Contains("90 days", error.Message);
        Assert.Contains("API Tokens", error.Message);
    }

    [Fact]
    public void A_body_that_is_not_json_is_shown_as_a_short_single_line()
    {
        string html = "<html>\n<body>" + new string('x', 1000) + "</body></html>";

        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, Response(502, html), Budget);

        Assert.DoesNotContain("\n", error.ServerMessage);
        Assert.True(error.ServerMessage!.Length <= 300);
    }

    [Fact]
    public void An_empty_body_leaves_no_server_message()
    {
        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, Response(500, string.Empty), Budget);

        Assert.Null(error.ServerMessage);
    }

    [Fact]
    public void A429AskingForLongerThanTheRetriesWait_SaysSo_AndHowLongTheyWait()
    {
        var response = new ApiResponse(HttpStatusCode.TooManyRequests, Encoding.UTF8.GetBytes("{\"message\":\"slow down\"}"), TimeSpan.FromMinutes(10));

        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, response, Budget);

        Assert.Equal(ApiErrorKind.RateLimited, error.Kind);
        Assert.Contains("MaestroQA asked to wait 600 s, longer than the 300 s the retries wait in all; try again after that.", error.Message, StringComparison.Ordinal);
    }

    private static ApiResponse Response(int status, string body) => new((HttpStatusCode)status, Encoding.UTF8.GetBytes(body), retryAfter: null);
}
