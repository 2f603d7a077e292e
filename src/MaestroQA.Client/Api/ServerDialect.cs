using System;
using System.Collections.Concurrent;
using System.Threading;
using MaestroQA.Client.Configuration;

namespace MaestroQA.Client.Api;

/// <summary>The two routes that check an export: the seed article's, and today's edition's.</summary>
internal enum StatusRoute
{
    /// <summary><c>GET get-export-data</c> with the id in an <c>exportId</c> header.</summary>
    GetExportData,

    /// <summary><c>GET export-data/&lt;exportId&gt;</c>.</summary>
    ExportDataById,
}

/// <summary>The field that names a ticket when it is created: the seed article's, and today's edition's.</summary>
internal enum TicketIdField
{
    GradableId,
    TicketId,
}

/// <summary>
/// What the server at one base URI speaks, learnt from its answers and never from its host name: which status route
/// answered, and which field a new ticket is named by. Shared by every session on that base for the life of the process.
/// </summary>
internal sealed class ServerDialect
{
    private const int Unknown = -1;
    private static readonly ConcurrentDictionary<string, ServerDialect> ByBase = new(StringComparer.Ordinal);

    private int _statusRoute = Unknown;
    private int _ticketIdField = (int)TicketIdField.GradableId;
    private int _ticketIdFieldShown;

    public static ServerDialect For(Uri baseUri) => ByBase.GetOrAdd(BaseUris.Key(baseUri), _ => new ServerDialect());

    /// <summary>The route that last answered a status check on this base, tried first; null until one has.</summary>
    public StatusRoute? StatusRoute => Volatile.Read(ref _statusRoute) is int route and not Unknown ? (StatusRoute)route : null;

    /// <summary>The seed's gradable_id until the server has refused it, naming ticket_id.</summary>
    public TicketIdField TicketIdField => (TicketIdField)Volatile.Read(ref _ticketIdField);

    /// <summary>Whether a create's answer (2xx or 409) has shown that the server reads <see cref="TicketIdField"/>.</summary>
    public bool TicketIdFieldShown => Volatile.Read(ref _ticketIdFieldShown) == 1;

    /// <summary>Held by the one create in flight while the field is not yet shown.</summary>
    public SemaphoreSlim TicketIdLesson { get; } = new(1, 1);

    public void Answered(StatusRoute route) => Volatile.Write(ref _statusRoute, (int)route);

    public void NamesTicketsBy(TicketIdField field) => Volatile.Write(ref _ticketIdField, (int)field);

    public void TookTicketId(TicketIdField field)
    {
        NamesTicketsBy(field);
        Volatile.Write(ref _ticketIdFieldShown, 1);
    }
}
