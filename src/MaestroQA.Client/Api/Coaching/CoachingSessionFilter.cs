using System;
using System.Collections.Generic;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Api.Coaching;

/// <summary>
/// What the padded, overlapping windows of <see cref="CoachingWindows"/> bring back that the caller asked for: sessions
/// whose axis instant lies in [StartDate, EndDate), each id once (one without an id is kept each time), in the order
/// first seen. A session without a readable axis date cannot be placed outside the range, so it is kept (-Verbose says so).
/// </summary>
internal sealed class CoachingSessionFilter
{
    private readonly CoachingSessionRequest _request;
    private readonly IApiLog _log;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public CoachingSessionFilter(CoachingSessionRequest request, IApiLog log)
    {
        _request = request;
        _log = log;
    }

    /// <summary>The sessions of one window's answer to keep, in the server's order.</summary>
    public List<MqaCoachingSession> Keep(IEnumerable<CoachingSessionItem> answered, string window)
    {
        var kept = new List<MqaCoachingSession>();
        int outside = 0, repeated = 0, count = 0;
        foreach (CoachingSessionItem item in answered)
        {
            count++;
            MqaCoachingSession session = item.ToModel();
            if (!InRange(session, item))
            {
                outside++;
            }
            else if (session.Id is string id && !_seen.Add(id))
            {
                repeated++;
            }
            else
            {
                kept.Add(session);
            }
        }

        _log.Verbose($"Coaching sessions {window}: {count} answered, {kept.Count} kept, {outside} outside the range, {repeated} already seen in the window before.");
        return kept;
    }

    private bool InRange(MqaCoachingSession session, CoachingSessionItem item)
    {
        if (session.DateOn(_request.TimeAxis) is not DateTime instant)
        {
            string? text = item.AxisText(_request.TimeAxis);
            _log.Verbose($"Coaching session {session}: {(text is null ? "no" : $"an unreadable ('{text}')")} {WireNames.Of(_request.TimeAxis)}, so it cannot be placed outside the range; kept.");
            return true;
        }

        return instant >= _request.StartDate.UtcDateTime && instant < _request.EndDate.UtcDateTime;
    }
}
