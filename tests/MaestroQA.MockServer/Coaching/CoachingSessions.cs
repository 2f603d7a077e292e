using System.Text.Json.Nodes;
using MaestroQA.MockServer.ExportFiles;

namespace MaestroQA.MockServer.Coaching;

/// <summary>One generated session: its two axis instants, and the JSON the export answers with.</summary>
internal sealed record CoachingSession(string Id, DateTime CreatedAt, DateTime MeetingDate, JsonObject Json)
{
    public DateTime On(CoachingAxis axis) => axis == CoachingAxis.CreatedAt ? CreatedAt : MeetingDate;
}

/// <summary>
/// The coaching sessions of the account: perDay of them created on each day of 2023-2026, each drawn from the seed,
/// its creation day and its number on that day alone, so any range answers the same sessions whatever was asked
/// before. A meeting is held from a few days before its form was created (logged afterwards) to two weeks after, so
/// the two axes pick different sessions.
/// </summary>
internal static class CoachingSessions
{
    public static readonly DateOnly FirstDay = new(2023, 1, 1);
    public static readonly DateOnly LastDay = new(2026, 12, 31);
    private const int MeetingDaysBefore = 3;
    private const int MeetingDaysAfter = 14;

    /// <summary>The sessions the query selects, by their axis instant, then id.</summary>
    public static IReadOnlyList<JsonObject> Select(CoachingQuery query, long seed, int perDay, bool extraField)
    {
        // Day numbers, so a range far outside the years generated cannot overflow a date.
        var firstCreated = Math.Max(FirstDay.DayNumber, query.Start.DayNumber - (query.Axis == CoachingAxis.CreatedAt ? 0 : MeetingDaysAfter));
        var lastCreated = Math.Min(LastDay.DayNumber, query.End.DayNumber + (query.Axis == CoachingAxis.CreatedAt ? 0 : MeetingDaysBefore));
        var sessions = new List<CoachingSession>();
        for (var day = firstCreated; day <= lastCreated; day++)
        {
            for (var number = 0; number < perDay; number++)
            {
                var session = Draw(StableHash.Seed(seed).Add("coaching").Add(day).Add(number), DateOnly.FromDayNumber(day), extraField);
                var axisDay = DateOnly.FromDateTime(session.On(query.Axis));
                if (axisDay >= query.Start && axisDay <= query.End)
                {
                    sessions.Add(session);
                }
            }
        }

        return [.. sessions.OrderBy(session => session.On(query.Axis)).ThenBy(session => session.Id, StringComparer.Ordinal)
            .Select(session => session.Json)];
    }

    /// <summary>Every value is drawn whether or not it is written (the extra field), so switching it changes no other value.</summary>
    private static CoachingSession Draw(StableHash seed, DateOnly createdOn, bool extraField)
    {
        var random = new DeterministicRandom(seed.Value);
        var createdDay = createdOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var createdAt = random.Between(createdDay, createdDay.AddDays(1));
        var meetingDay = createdDay.AddDays(MeetingOffsetDays(random));
        var meetingDate = random.Between(meetingDay, meetingDay.AddDays(1));
        var updatedFrom = createdAt > meetingDate ? createdAt : meetingDate;
        var updatedAt = random.Between(updatedFrom, updatedFrom.AddDays(2));
        var id = random.Hex(24);
        var coach = random.Pick(CoachingData.Coaches);
        var creator = random.Chance(0.7) ? coach : random.Pick(CoachingData.Coaches);
        var agent = random.Pick(SampleData.Agents);
        var template = random.Pick(CoachingData.Templates);
        var shared = random.Chance(0.7);
        var json = new JsonObject
        {
            ["_id"] = id,
            ["coachingFormName"] = $"{template.Name}: {agent.Name}",
            ["coachingTemplateId"] = template.Id,
            ["coachingTemplateName"] = template.Name,
            ["meetingFormat"] = random.Pick(CoachingData.MeetingFormats),
            ["formCreatorId"] = creator.Id,
            ["formCreatorName"] = creator.Name,
            ["coachName"] = coach.Name,
            ["coachId"] = coach.Id,
            ["agentId"] = agent.Id,
            ["agentName"] = agent.Name,
            ["createdAt"] = DateFormats.Iso(createdAt),
            ["updatedAt"] = DateFormats.Iso(updatedAt),
            ["sharedWithAgent"] = shared,
            ["meetingDate"] = DateFormats.Iso(meetingDate),
            ["agentConfirmed"] = shared && random.Chance(0.6),
            ["coachConfirmed"] = random.Chance(0.8),
            ["coachNotes"] = random.Pick(CoachingData.CoachNotes),
            ["agentNotes"] = shared ? random.Pick(CoachingData.AgentNotes) : "",
            ["isDeleted"] = random.Chance(0.05),
        };
        var score = random.Decimal(0, 100, 1);
        if (extraField)
        {
            json["sessionScore"] = score;
        }

        json["activityLog"] = ActivityLog(random, createdAt, updatedAt, coach, agent);
        json["coachingPoints"] = CoachingPoints(random, id, extraField);
        return new CoachingSession(id, createdAt, meetingDate, json);
    }

    /// <summary>Half on the day of creation; otherwise mostly later, sometimes before (a meeting logged afterwards).</summary>
    private static int MeetingOffsetDays(DeterministicRandom random) => random.NextDouble() switch
    {
        < 0.5 => 0,
        < 0.85 => random.Next(1, MeetingDaysAfter + 1),
        _ => -random.Next(1, MeetingDaysBefore + 1),
    };

    private static JsonArray ActivityLog(DeterministicRandom random, DateTime from, DateTime to, SampleCoach coach, SampleAgent agent)
    {
        var times = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Between(from, to)).Order().ToArray();
        var log = new JsonArray();
        foreach (var time in times)
        {
            var byCoach = random.Chance(0.7);
            log.Add(new JsonObject
            {
                ["userId"] = byCoach ? coach.Id : agent.Id,
                ["userEmail"] = byCoach ? coach.Email : agent.Email,
                ["actionType"] = random.Pick(CoachingData.ActionTypes),
                ["descriptions"] = new JsonArray([.. Enumerable.Range(0, random.Next(1, 3))
                    .Select(_ => (JsonNode?)random.Pick(CoachingData.ActionDescriptions))]),
                ["timestamp"] = DateFormats.Iso(time),
                ["ipAddress"] = random.Pick(SampleData.IpAddresses),
            });
        }

        return log;
    }

    private static JsonArray CoachingPoints(DeterministicRandom random, string sessionId, bool extraField)
    {
        var points = new JsonArray();
        for (var count = random.Next(0, 5); points.Count < count;)
        {
            var rubric = random.Pick(SampleData.Rubrics);
            var question = random.Pick(random.Pick(rubric.Sections).Questions);
            var formIds = new JsonArray(sessionId);
            if (random.Chance(0.2))
            {
                formIds.Add(random.Hex(24));
            }

            var point = new JsonObject
            {
                ["_id"] = random.Hex(24),
                ["coachingFormIds"] = formIds,
                ["type"] = random.Pick(CoachingData.PointTypes),
                ["classification"] = random.Pick(CoachingData.PointClassifications),
                ["ticketId"] = GradableIds.Draw(random),
                ["subject"] = random.Pick(CoachingData.PointSubjects),
                ["rubricName"] = rubric.Name,
                ["criteriaName"] = question.Text,
            };
            var weight = random.Decimal(0, 1, 2);
            if (extraField)
            {
                point["weight"] = weight;
            }

            points.Add(point);
        }

        return points;
    }
}
