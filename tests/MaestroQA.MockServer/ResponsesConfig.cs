namespace MaestroQA.MockServer;

/// <summary>What POST tickets answers with, besides the 201 status.</summary>
internal enum TicketCreateBody
{
    /// <summary>The stored ticket, with its "_id" (the article's example).</summary>
    Ticket,
    WithoutId,
    EmptyObject,

    /// <summary>A JSON array holding the ticket.</summary>
    Array,
}

/// <summary>What screen-capture-usage-stats answers with.</summary>
internal enum CaptureUsageBody
{
    /// <summary>{"data": [...]}, the article's shape.</summary>
    Data,
    EmptyObject,

    /// <summary>The same stats under "results", with "interval" and "count": no "data" at all.</summary>
    WithoutData,
}

/// <summary>Response shapes the article does not promise but a real API may send, for client hardening tests.</summary>
internal sealed record ResponsesConfig
{
    public TicketCreateBody TicketCreateBody { get; init; } = TicketCreateBody.Ticket;

    public CaptureUsageBody CaptureUsageBody { get; init; } = CaptureUsageBody.Data;

    /// <summary>The status of a refused body or parameter: 400 (the article's era) or 422 (seen in recent clients).</summary>
    public int InvalidParameterStatus { get; init; } = StatusCodes.Status400BadRequest;

    /// <summary>The status get-export-data reports while an export waits to start, and while it runs.</summary>
    public string RequestedStatus { get; init; } = ExportStatus.Requested;

    public string InProgressStatus { get; init; } = ExportStatus.InProgress;

    /// <summary>Every coaching session carries "sessionScore" and every coaching point "weight": fields a client does not know.</summary>
    public bool CoachingExtraField { get; init; }

    /// <summary>The name a client sees for one of the server's own export states.</summary>
    public string WireStatus(string status) => status switch
    {
        ExportStatus.Requested => RequestedStatus,
        ExportStatus.InProgress => InProgressStatus,
        _ => status,
    };

    internal void Validate()
    {
        ServerConfig.Require(InvalidParameterStatus is StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity,
            "responses.invalidParameterStatus must be 400 or 422");
        ServerConfig.Require(RequestedStatus.Length > 0 && InProgressStatus.Length > 0,
            "responses.requestedStatus and responses.inProgressStatus must not be empty");
    }
}
