using System;

namespace MaestroQA.Client.Models;

/// <summary>
/// A ticket: what New-MqaTicket sends and what the API echoes. Unset (null) fields are left out of the request,
/// which is also how an update says "leave as is".
/// </summary>
public sealed record MqaTicket
{
    /// <summary>MaestroQA's own id, set by the server.</summary>
    public string? Id { get; init; }

    /// <summary>The ticket's id in your help desk: the API's gradable_id, named ticket_id in today's edition.</summary>
    public string? GradableId { get; init; }

    public string? Type { get; init; }

    public string? Subject { get; init; }

    public TextList? Agents { get; init; }

    public string? Link { get; init; }

    public string? Body { get; init; }

    /// <summary>The API keeps tags as one comma-separated string; people work with a list.</summary>
    public TextList? Tags { get; init; }

    public string? Status { get; init; }

    public double? CsatScore { get; init; }

    /// <summary>UTC.</summary>
    public DateTime? FirstSeen { get; init; }

    /// <summary>UTC.</summary>
    public DateTime? LastSeen { get; init; }

    /// <summary>Custom fields (the API's attributes); sent only when set.</summary>
    public TicketAttributes? Attributes { get; init; }

    public override string ToString() => GradableId ?? Id ?? "(new ticket)";
}
