using System;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tickets;

public enum TicketOutcomeKind
{
    Created,

    /// <summary>The gradable_id was taken and -IfExists Update changed that ticket.</summary>
    Updated,

    /// <summary>The gradable_id was taken and -IfExists Skip left it.</summary>
    Skipped,

    Failed,
}

/// <summary>What became of one ticket of a load: the ticket as stored (created, updated), as sent (skipped), or the error.</summary>
public sealed class TicketOutcome
{
    private TicketOutcome(TicketOutcomeKind kind, MqaTicket ticket, Exception? error)
    {
        Kind = kind;
        Ticket = ticket;
        Error = error;
    }

    public TicketOutcomeKind Kind { get; }

    public MqaTicket Ticket { get; }

    public Exception? Error { get; }

    public static TicketOutcome Created(MqaTicket stored) => new(TicketOutcomeKind.Created, stored, null);

    public static TicketOutcome Updated(MqaTicket stored) => new(TicketOutcomeKind.Updated, stored, null);

    public static TicketOutcome Skipped(MqaTicket sent) => new(TicketOutcomeKind.Skipped, sent, null);

    public static TicketOutcome Failed(MqaTicket sent, Exception error) => new(TicketOutcomeKind.Failed, sent, error);
}
