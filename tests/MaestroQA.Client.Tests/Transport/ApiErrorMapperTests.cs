using System.Net;
using System.Text;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Transport;

public sealed class ApiErrorMapperTests
{
    private static readonly ApiRequest Request = new(HttpMethod.Post, "tickets", EndpointClass.Easy);

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
        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, Response(status, "{\"message\":\"said the server\"}"));

        Assert.Equal(expected, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("said the server", error.ServerMessage);
        Assert.Contains("said the server", error.Message);
        Assert.Contains("POST tickets", error.Message);
    }

    [Fact]
    public void Unauthorized_explains_the_90_day_expiry()
    {
        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, Response(401, "{\"message\":\"API token expired\"}"));

        Assert.Contains("90 days", error.Message);
        Assert.Contains("API Tokens", error.Message);
    }

    [Fact]
    public void A_body_that_is_not_json_is_shown_as_a_short_single_line()
    {
        string html = "<html>\n<body>" + new string('x', 1000) + "</body></html>";

        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, Response(502, html));

        Assert.DoesNotContain("\n", error.ServerMessage);
        Assert.True(error.ServerMessage!.Length <= 300);
    }

    [Fact]
    public void An_empty_body_leaves_no_server_message()
    {
        MaestroQAApiException error = ApiErrorMapper.FromResponse(Request, Response(500, string.Empty));

        Assert.Null(error.ServerMessage);
    }

    private static ApiResponse Response(int status, string body) => new((HttpStatusCode)status, Encoding.UTF8.GetBytes(body), retryAfter: null);
}
