using System.Text;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using MaestroQA.Client.Tests.Support;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Api;

/// <summary>A parameter the API refuses, with 400 as the article implies or 422 as recent clients saw: InvalidRequest, with the server's words.</summary>
public sealed class InvalidParameterTests : IClassFixture<LocalServer>
{
    private readonly LocalServer _server;

    public InvalidParameterTests(LocalServer server)
    {
        _server = server;
        _server.Reset();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(422)]
    public async Task IsInvalidRequest_WithTheServersMessage_AndIsNotRetried(int status)
    {
        _server.Configure(new { responses = new { invalidParameterStatus = status } });
        var transport = new ApiTransport(_server.Options(token: "mqa-test-token-0002"));
        var request = new ApiRequest(HttpMethod.Post, "request-raw-export", EndpointClass.Demanding)
        {
            JsonBody = Encoding.UTF8.GetBytes("""{"startDate":"yesterday","endDate":"2024-01-02T00:00:00Z"}"""),
        };

        ApiResponse response = await transport.SendAsync(request, NullApiLog.Instance, CancellationToken.None);
        var error = Assert.Throws<MaestroQAApiException>(() => transport.EnsureSuccess(request, response));

        Assert.Equal(ApiErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Contains("startDate", error.ServerMessage, StringComparison.Ordinal);
        Assert.Contains(error.ServerMessage!, error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests());
    }
}
