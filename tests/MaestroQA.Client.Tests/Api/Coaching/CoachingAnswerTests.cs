using System.Net;
using System.Text;
using MaestroQA.Client.Api;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Api.Coaching;

/// <summary>Answers the local server never gives: every window answers the same sessions, some with dates that do not read.</summary>
public sealed class CoachingAnswerTests
{
    // Three windows' worth of days, so every session below comes back three times.
    private static readonly CoachingSessionRequest TwoHundredDays =
        new(new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 7, 28, 0, 0, 0, TimeSpan.Zero));

    private const string Answer = """
        [
          {"_id": "inside", "meetingDate": "2024-03-01T10:00:00.000Z", "coachingPoints": [{"_id": "p1", "ticketId": 4123456, "coachingFormIds": ["inside"]}]},
          {"_id": "before", "meetingDate": "2024-01-09T23:59:59.999Z"},
          {"_id": "at-the-end", "meetingDate": "2024-07-28T00:00:00.000Z"},
          {"_id": "at-the-start", "meetingDate": "2024-01-10T00:00:00.000Z"},
          {"_id": "no-date"},
          {"_id": "unreadable", "meetingDate": "next Tuesday"},
          null
        ]
        """;

    [Fact]
    public async Task KeepsTheHalfOpenRange_SessionsWithoutAReadableDate_AndEachIdOnce()
    {
        using var server = new LoopbackHttpServer((context, _) => AnswerAsync(context, Answer));
        var log = new RecordingLog();
        var sessions = new List<MqaCoachingSession>();

        await Client(server, log).GetCoachingSessionsAsync(TwoHundredDays, sessions.Add);

        Assert.Equal(3, server.Requests);
        Assert.Equal(["inside", "at-the-start", "no-date", "unreadable"], sessions.Select(session => session.Id));
        Assert.Equal("4123456", sessions[0].CoachingPoints[0].TicketId);
        Assert.Null(sessions[3].MeetingDate);
        Assert.Contains(log.Verbose, message => message.Contains("no-date: no meetingDate", StringComparison.Ordinal) && message.EndsWith("kept.", StringComparison.Ordinal));
        Assert.Contains(log.Verbose, message => message.Contains("unreadable: an unreadable ('next Tuesday') meetingDate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerThatIsNotAList_IsUnexpectedResponse()
    {
        using var server = new LoopbackHttpServer((context, _) => AnswerAsync(context, """{"sessions": []}"""));

        var error = await Assert.ThrowsAsync<MaestroQAApiException>(() => Client(server, new RecordingLog()).GetCoachingSessionsAsync(TwoHundredDays, _ => { }));

        Assert.Equal(ApiErrorKind.UnexpectedResponse, error.Kind);
        Assert.Equal(1, server.Requests);
    }

    private static MaestroQAClient Client(LoopbackHttpServer server, IApiLog log)
    {
        var options = new MaestroQAClientOptions(new ApiToken("coaching-answer-" + Guid.NewGuid().ToString("N")), new Uri(server.BaseUri, "api/v1/"))
        {
            DemandingLimit = new RateLimitPolicy(1, 30) { WindowScale = 0.1 },
        };
        return new MaestroQAClient(new ApiTransport(options), log);
    }

    private static async Task AnswerAsync(HttpListenerContext context, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
