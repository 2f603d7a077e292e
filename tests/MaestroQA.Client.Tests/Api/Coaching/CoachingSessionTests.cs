using System.Globalization;
using System.Text.Json.Nodes;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;

namespace MaestroQA.Client.Tests.Api.Coaching;

/// <summary>
/// GetCoachingSessionsAsync against the local server: the windows it sends, read from the server's record, and the
/// sessions it keeps, compared with the server's oracle over the same padded days, filtered to the range.
/// </summary>
public sealed class CoachingSessionTests : IClassFixture<LocalServer>
{
    private static readonly DateTimeOffset Start = At("2024-01-10T15:00:00Z");
    private static readonly DateTimeOffset End = At("2024-07-28T03:00:00Z");
    private readonly LocalServer _server;

    public CoachingSessionTests(LocalServer server)
    {
        _server = server;
        _server.Reset();
    }

    [Fact]
    public async Task TwoHundredDays_AreAskedInWindowsOfAtMost90Days_InOrder_EachStartingWhereTheOneBeforeEnded()
    {
        await GetAsync(new CoachingSessionRequest(Start, End) { TimeAxis = CoachingTimeAxis.CreatedAt });

        List<JsonNode> sent = _server.Requests("coaching-sessions");
        Assert.Equal(
            ["2024-01-09|2024-04-08|createdAt|200", "2024-04-08|2024-07-07|createdAt|200", "2024-07-07|2024-07-29|createdAt|200"],
            sent.Select(request => $"{Text(request, "startDate")}|{Text(request, "endDate")}|{Text(request, "timeAxis")}|{request["status"]}"));
        Assert.All(sent, request => Assert.InRange((Day(Text(request, "endDate")) - Day(Text(request, "startDate"))).TotalDays, 0, 90));
    }

    [Theory]
    [InlineData(CoachingTimeAxis.MeetingDate, "meetingDate")]
    [InlineData(CoachingTimeAxis.CreatedAt, "createdAt")]
    public async Task KeepsWhatTheOracleHasInTheRange_OnTheAxis_EachOnce_InTheOrderFirstSeen(CoachingTimeAxis axis, string field)
    {
        List<MqaCoachingSession> sessions = await GetAsync(new CoachingSessionRequest(Start, End) { TimeAxis = axis });

        List<JsonNode> padded = _server.CoachingSessions("2024-01-09", "2024-07-29", field).Select(session => session!).ToList();
        List<string> expected = padded.Where(session => InRange(Instant(session, field))).Select(session => Text(session, "_id")).ToList();
        Assert.Equal(expected, sessions.Select(session => session.Id));
        Assert.True(padded.Count > expected.Count, "the padded days hold sessions outside the range, which must be left out");
        Assert.All(sessions, session => Assert.True(InRange(session.DateOn(axis)!.Value), $"{session.Id} {session.DateOn(axis):o}"));
    }

    [Fact]
    public async Task ASessionInTwoWindows_IsWrittenOnce()
    {
        // The windows share 2024-04-08: the local server includes endDate, so that day's sessions come in both answers.
        var log = new RecordingLog();
        List<MqaCoachingSession> sessions = await GetAsync(new CoachingSessionRequest(Start, End), log);

        JsonArray first = _server.CoachingSessions("2024-01-09", "2024-04-08", "meetingDate");
        JsonArray second = _server.CoachingSessions("2024-04-08", "2024-07-07", "meetingDate");
        Assert.NotEmpty(first.Select(session => Text(session!, "_id")).Intersect(second.Select(session => Text(session!, "_id"))));
        Assert.Equal(sessions.Count, sessions.Select(session => session.Id).Distinct().Count());
        Assert.Contains(log.Verbose, message => message.StartsWith("Coaching sessions 2024-04-08 to 2024-07-07: ", StringComparison.Ordinal) && !message.Contains(" 0 already seen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadsEveryField_AsTheServerSentIt()
    {
        var request = new CoachingSessionRequest(At("2024-05-10T00:00:00Z"), At("2024-05-20T00:00:00Z"));
        MqaCoachingSession session = (await GetAsync(request)).First(candidate => candidate.CoachingPoints.Count > 0 && candidate.ActivityLog.Count > 0);

        JsonNode wire = _server.CoachingSessions("2024-05-09", "2024-05-21", "meetingDate").First(candidate => Text(candidate!, "_id") == session.Id)!;
        Assert.Equal(Text(wire, "coachName"), session.CoachName);
        Assert.Equal(Text(wire, "agentNotes"), session.AgentNotes);
        Assert.Equal(Instant(wire, "updatedAt"), session.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, session.MeetingDate!.Value.Kind);
        Assert.Equal(wire["isDeleted"]!.GetValue<bool>(), session.IsDeleted);
        JsonNode point = wire["coachingPoints"]![0]!;
        Assert.Equal(Text(point, "_id"), session.CoachingPoints[0].Id);
        Assert.Equal(point["coachingFormIds"]!.AsArray().Select(id => id!.GetValue<string>()), session.CoachingPoints[0].CoachingFormIds);
        Assert.Equal(Text(point, "criteriaName"), session.CoachingPoints[0].CriteriaName);
        JsonNode entry = wire["activityLog"]![0]!;
        Assert.Equal(entry["descriptions"]!.AsArray().Select(text => text!.GetValue<string>()), session.ActivityLog[0].Descriptions);
        Assert.Equal(Instant(entry, "timestamp"), session.ActivityLog[0].Timestamp);
        Assert.Empty(session.GetAdditionalFields());
    }

    [Fact]
    public async Task FieldsThisReleaseDoesNotKnow_AreKept_OnSessionsAndPoints()
    {
        _server.Configure(new { responses = new { coachingExtraField = true } });
        List<MqaCoachingSession> sessions = await GetAsync(new CoachingSessionRequest(At("2024-08-01T00:00:00Z"), At("2024-08-15T00:00:00Z")));

        Assert.NotEmpty(sessions);
        Assert.All(sessions, session => Assert.Equal(["sessionScore"], session.GetAdditionalFields().Keys));
        Assert.All(sessions, session => Assert.True(session.GetAdditionalFields()["sessionScore"] is double or long));
        MqaCoachingPoint point = sessions.SelectMany(session => session.CoachingPoints).First();
        Assert.Equal(["weight"], point.GetAdditionalFields().Keys);
        Assert.Contains("\"weight\":", sessions.First(session => session.CoachingPoints.Count > 0).CoachingPoints.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z")]
    [InlineData("2024-03-02T00:00:00Z", "2024-03-01T00:00:00Z")]
    public async Task AnEndNotAfterTheStart_IsInvalidDateRange_AndNothingIsSent(string start, string end)
    {
        var refused = await Assert.ThrowsAsync<MaestroQAInputException>(() => GetAsync(new CoachingSessionRequest(At(start), At(end))));

        Assert.Equal(InputProblem.InvalidDateRange, refused.Problem);
        Assert.Empty(_server.Requests());
    }

    private async Task<List<MqaCoachingSession>> GetAsync(CoachingSessionRequest request, RecordingLog? log = null)
    {
        var sessions = new List<MqaCoachingSession>();
        int written = await _server.NewClient(log: log).GetCoachingSessionsAsync(request, sessions.Add);
        Assert.Equal(sessions.Count, written);
        return sessions;
    }

    private static bool InRange(DateTime instant) => instant >= Start.UtcDateTime && instant < End.UtcDateTime;

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static DateTime Day(string day) => DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();

    private static DateTime Instant(JsonNode node, string field) =>
        DateTime.Parse(Text(node, field), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
