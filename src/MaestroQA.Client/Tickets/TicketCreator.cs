using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tickets;

/// <summary>
/// Creates tickets so a load can be run again after any failure without losing or duplicating one: creating is
/// retried like a read, and a 409 on a retry is told apart from a real conflict by reading the ticket back.
/// A taken gradable_id is then an error, skipped or updated, as <see cref="TicketConflictAction"/> says.
/// </summary>
public sealed class TicketCreator
{
    private readonly MaestroQAClient _client;
    private readonly TicketConflictAction _ifExists;
    private readonly IApiLog _log;

    public TicketCreator(MaestroQAClient client, TicketConflictAction ifExists, IApiLog? log = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _ifExists = ifExists;
        _log = log ?? NullApiLog.Instance;
    }

    /// <summary>Never throws: every outcome, cancellation included, is returned, so a caller's order and counts stay simple.</summary>
    public async Task<TicketOutcome> CreateAsync(MqaTicket ticket, CancellationToken cancellationToken = default)
    {
        try
        {
            return TicketOutcome.Created(await CreateOnceAsync(ticket, cancellationToken).ConfigureAwait(false));
        }
        catch (MaestroQAApiException conflict) when (conflict.Kind == ApiErrorKind.Conflict && _ifExists != TicketConflictAction.Error)
        {
            if (_ifExists == TicketConflictAction.Skip)
            {
                return TicketOutcome.Skipped(ticket);
            }

            try
            {
                return TicketOutcome.Updated(await _client.UpdateTicketAsync(ticket.GradableId!, ticket, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                return TicketOutcome.Failed(ticket, ex);
            }
        }
        catch (Exception ex)
        {
            return TicketOutcome.Failed(ticket, ex);
        }
    }

    /// <summary>
    /// A 409 on a retry may be an earlier attempt that landed before its answer was lost. The API has no GET for a
    /// ticket, so a PATCH that changes nothing reads it back: ours (every field sent matches) counts as created;
    /// anyone else's is a real conflict.
    /// </summary>
    private async Task<MqaTicket> CreateOnceAsync(MqaTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CreateTicketAsync(ticket, cancellationToken).ConfigureAwait(false);
        }
        catch (MaestroQAApiException conflict) when (conflict.Kind == ApiErrorKind.Conflict && conflict.Attempts > 1)
        {
            _log.Verbose($"Ticket '{ticket.GradableId}': 409 on attempt {conflict.Attempts}; reading it back to tell whether an earlier attempt created it.");
            MqaTicket? stored;
            try
            {
                stored = await _client.ReadTicketBackAsync(ticket.GradableId!, cancellationToken).ConfigureAwait(false);
            }
            catch (MaestroQAApiException refused) when (refused.Kind is ApiErrorKind.InvalidRequest or ApiErrorKind.NotFound)
            {
                // Cannot read it back (a helpdesk-synced ticket refuses any PATCH): the likelier story is our own attempt.
                _log.Verbose($"Ticket '{ticket.GradableId}' could not be read back ({refused.Message}); counted as created.");
                return ticket;
            }

            if (stored is null)
            {
                // Its echo is too long to compare (a body of many MB, as ours may be): again, the likelier story is ours.
                _log.Verbose($"Ticket '{ticket.GradableId}' read back longer than the response cap, so its fields cannot be compared; counted as created.");
                return ticket;
            }

            if (!SameFields(ticket, stored))
            {
                throw new MaestroQAApiException(
                    ApiErrorKind.Conflict,
                    $"A ticket with id '{ticket.GradableId}' already exists with other fields: the 409 after a retry was not this load's earlier attempt.",
                    409);
            }

            return stored;
        }
    }

    internal static bool SameFields(MqaTicket sent, MqaTicket stored) =>
        Same(sent.Type, stored.Type) && Same(sent.Subject, stored.Subject) && Same(sent.Agents, stored.Agents)
        && Same(sent.Link, stored.Link) && Same(sent.Body, stored.Body) && Same(sent.Tags, stored.Tags)
        && Same(sent.Status, stored.Status) && (sent.CsatScore is null || sent.CsatScore == stored.CsatScore)
        && SameDate(sent.FirstSeen, stored.FirstSeen) && SameDate(sent.LastSeen, stored.LastSeen)
        && SameAttributes(sent.Attributes, stored.Attributes);

    /// <summary>Every attribute sent is stored with the same value (compared as JSON); the server may hold more, in any order.</summary>
    private static bool SameAttributes(TicketAttributes? sent, TicketAttributes? stored) =>
        sent is null
        || (stored is not null && sent.All(attribute => stored.TryGetValue(attribute.Key, out object? value) && Json(attribute.Value) == Json(value)));

    private static string Json(object? value) => new TicketAttributes(new Dictionary<string, object?> { ["v"] = value }).ToString();

    private static bool Same(string? sent, string? stored) => sent is null || string.Equals(sent, stored, StringComparison.Ordinal);

    private static bool Same(TextList? sent, TextList? stored) => sent is null || (stored is not null && sent.SequenceEqual(stored, StringComparer.Ordinal));

    /// <summary>Compared as sent: the wire carries whole seconds.</summary>
    private static bool SameDate(DateTime? sent, DateTime? stored) =>
        sent is not DateTime date
        || (stored is DateTime kept && ApiDateFormat.Format(ApiDateFormat.ToUtc(date)) == ApiDateFormat.Format(ApiDateFormat.ToUtc(kept)));
}
