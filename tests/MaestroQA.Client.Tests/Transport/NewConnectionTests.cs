using System.Net;
using System.Text;
using MaestroQA.Client.Api;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;
using MaestroQA.Client.Transport;
using static MaestroQA.Client.Tests.RateLimiting.DeniedLease;

namespace MaestroQA.Client.Tests.Transport;

/// <summary>
/// A request that had to open a connection may reach the server a handshake late, so its permit counts from when its
/// answer came. Against a loopback server that answers after 600 ms, over kept-alive or closed connections.
/// </summary>
public sealed class NewConnectionTests
{
    private static readonly TimeSpan AnswerDelay = TimeSpan.FromMilliseconds(600);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task APermitCountsFromTheAnswer_OnlyWhenItsRequestOpenedAConnection(bool keepAlive, bool expectReDated)
    {
        using var server = new LoopbackHttpServer((context, _) => AnswerLate(context, keepAlive));
        var options = new MaestroQAClientOptions(new ApiToken("new-connection-test-" + Guid.NewGuid().ToString("N")), new Uri(server.BaseUri, "api/v1/"));
        var transport = new ApiTransport(options);
        var client = new MaestroQAClient(transport);

        // The first request warms the limiter up; the second is the one observed.
        await client.GetCaptureUsageAsync(["g"], CaptureInterval.Day);
        await client.GetCaptureUsageAsync(["g"], CaptureInterval.Day);

        // Counted from its grant, the next permit would be due a second (plus margin) after it: about 0.43 s from now.
        // Counted from its answer: about 1.03 s from now. The midpoint leaves 300 ms either way for a slow machine.
        TimeSpan retryAfter = RetryAfter(transport.DemandingLimiter.AttemptAcquire(0));
        Assert.Equal(expectReDated, retryAfter > TimeSpan.FromMilliseconds(730));
    }

    private static async Task AnswerLate(HttpListenerContext context, bool keepAlive)
    {
        await Task.Delay(AnswerDelay);
        byte[] body = Encoding.UTF8.GetBytes("{\"data\":[]}");
        context.Response.KeepAlive = keepAlive;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
