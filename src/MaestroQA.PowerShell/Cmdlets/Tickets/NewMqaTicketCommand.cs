using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.PowerShell.Cmdlets.Tickets;

/// <summary>
/// Creates tickets, typically from Import-Csv. Up to -ThrottleLimit requests are in flight so the load runs at the
/// rate limit's ceiling; output keeps input order, and every Write* stays on the pipeline thread.
/// </summary>
[Cmdlet(VerbsCommon.New, "MqaTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MqaTicket))]
public sealed class NewMqaTicketCommand : TicketFieldsCmdlet, IDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private readonly Queue<PendingTicket> _inFlight = new();
    private readonly Stopwatch _elapsed = new();
    private TimeSpan _lastProgress = TimeSpan.FromSeconds(-1);
    private CancellationTokenSource? _work;
    private int _created;
    private int _skipped;
    private int _failed;

    [Parameter]
    public TicketConflictAction IfExists { get; set; } = TicketConflictAction.Error;

    /// <summary>Requests in flight at once; the rate limiter still paces them.</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Cancelled by Ctrl+C, and when the command ends early (say -ErrorAction Stop), so nothing is left running.</summary>
    private CancellationToken WorkToken => (_work ??= CancellationTokenSource.CreateLinkedTokenSource(StopToken)).Token;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _elapsed.Start();
    }

    protected override void ProcessRecord()
    {
        if (!TryReadTicket(requireAll: true, out MqaTicket ticket, out ErrorRecord? invalid))
        {
            // Finish the earlier rows first: the error then lands in input order, and under -ErrorAction Stop every
            // earlier row has been written and no later one sent.
            CompleteAll();
            _failed++;
            WriteError(invalid);
            ReportProgress();
            return;
        }

        if (!ShouldProcess(ticket.GradableId, "Create MaestroQA ticket"))
        {
            return;
        }

        _inFlight.Enqueue(new PendingTicket(ticket, CurrentRow, CreateAsync(ticket, WorkToken)));
        while (_inFlight.Count >= ThrottleLimit)
        {
            Complete(_inFlight.Dequeue());
        }
    }

    protected override void EndProcessing()
    {
        CompleteAll();
        if (_skipped > 0)
        {
            WriteWarning($"{_skipped} ticket(s) already existed and were skipped (-IfExists Skip).");
        }

        double seconds = _elapsed.Elapsed.TotalSeconds;
        WriteVerbose($"New-MqaTicket: {_created} created, {_skipped} skipped, {_failed} failed in {seconds:0.0} s ({(seconds > 0 ? _created / seconds : 0):0.0} tickets/s).");
        WriteProgress(new ProgressRecord(1, "Creating MaestroQA tickets", "Done") { RecordType = ProgressRecordType.Completed });
    }

    public void Dispose()
    {
        // Rows still in flight when the command ends early are cancelled, not left to finish unseen.
        _work?.Cancel();
        _work?.Dispose();
    }

    /// <summary>Runs off the pipeline thread; every outcome is returned, never thrown, so order and counts stay simple.</summary>
    private async Task<TicketOutcome> CreateAsync(MqaTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            return TicketOutcome.Created(await CreateConfirmedAsync(ticket, cancellationToken).ConfigureAwait(false));
        }
        catch (MaestroQAApiException conflict) when (conflict.Kind == ApiErrorKind.Conflict && IfExists != TicketConflictAction.Error)
        {
            if (IfExists == TicketConflictAction.Skip)
            {
                return TicketOutcome.Skipped;
            }

            try
            {
                return TicketOutcome.Created(await Client.UpdateTicketAsync(ticket.GradableId!, ticket, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                return TicketOutcome.Failed(ex);
            }
        }
        catch (Exception ex)
        {
            return TicketOutcome.Failed(ex);
        }
    }

    /// <summary>
    /// The client takes a 409 on a retry as "an earlier attempt landed" and returns the ticket without the server's id.
    /// The API has no GET for a ticket, so a PATCH that changes nothing reads it back: ours (every field sent matches)
    /// gives the id; anyone else's is a real conflict.
    /// </summary>
    private async Task<MqaTicket> CreateConfirmedAsync(MqaTicket ticket, CancellationToken cancellationToken)
    {
        MqaTicket created = await Client.CreateTicketAsync(ticket, cancellationToken).ConfigureAwait(false);
        if (created.Id is not null)
        {
            return created;
        }

        MqaTicket stored;
        try
        {
            stored = await Client.UpdateTicketAsync(ticket.GradableId!, new MqaTicket(), cancellationToken).ConfigureAwait(false);
        }
        catch (MaestroQAApiException refused) when (refused.Kind is ApiErrorKind.InvalidRequest or ApiErrorKind.NotFound)
        {
            // Cannot read it back (a helpdesk-synced ticket refuses any PATCH): keep the client's judgement.
            ((IApiLog)this).Verbose($"Ticket '{ticket.GradableId}' could not be read back ({refused.Message}); counted as created.");
            return created;
        }

        if (!SameFields(ticket, stored))
        {
            throw new MaestroQAApiException(
                ApiErrorKind.Conflict,
                $"A ticket with gradable_id '{ticket.GradableId}' already exists with other fields: the 409 after a retry was not this load's earlier attempt.",
                409);
        }

        return stored;
    }

    private static bool SameFields(MqaTicket sent, MqaTicket stored) =>
        Same(sent.Type, stored.Type) && Same(sent.Subject, stored.Subject) && Same(sent.Agents, stored.Agents)
        && Same(sent.Link, stored.Link) && Same(sent.Body, stored.Body) && Same(sent.Tags, stored.Tags)
        && Same(sent.Status, stored.Status) && (sent.CsatScore is null || sent.CsatScore == stored.CsatScore)
        && SameDate(sent.FirstSeen, stored.FirstSeen) && SameDate(sent.LastSeen, stored.LastSeen);

    private static bool Same(string? sent, string? stored) => sent is null || string.Equals(sent, stored, StringComparison.Ordinal);

    private static bool Same(string[]? sent, string[]? stored) => sent is null || (stored is not null && sent.SequenceEqual(stored, StringComparer.Ordinal));

    /// <summary>Compared as sent: the wire carries whole seconds.</summary>
    private static bool SameDate(DateTime? sent, DateTime? stored) =>
        sent is not DateTime date
        || (stored is DateTime kept && ApiDateFormat.Format(ApiDateFormat.ToUtc(date)) == ApiDateFormat.Format(ApiDateFormat.ToUtc(kept)));

    private void CompleteAll()
    {
        while (_inFlight.Count > 0)
        {
            Complete(_inFlight.Dequeue());
        }
    }

    private void Complete(PendingTicket pending)
    {
        TicketOutcome outcome = Await(pending.Outcome);
        if (outcome.Ticket is MqaTicket created)
        {
            _created++;
            WriteObject(created);
        }
        else if (outcome.Error is Exception error)
        {
            _failed++;
            WriteFailure(error, pending.Row);
        }
        else
        {
            _skipped++;
            WriteVerbose($"Ticket '{pending.Ticket.GradableId}' already exists; skipped.");
        }

        ReportProgress();
    }

    /// <summary>At most four times a second: a record per row would cost more than the row at hundreds of rows a second.</summary>
    private void ReportProgress()
    {
        TimeSpan now = _elapsed.Elapsed;
        if (now - _lastProgress < ProgressInterval)
        {
            return;
        }

        _lastProgress = now;
        int done = _created + _skipped + _failed;
        double seconds = now.TotalSeconds;
        WriteProgress(new ProgressRecord(1, "Creating MaestroQA tickets", $"{done} done ({_created} created, {_skipped} skipped, {_failed} failed), {(seconds > 0 ? done / seconds : 0):0.0}/s"));
    }

    private sealed class PendingTicket(MqaTicket ticket, object row, Task<TicketOutcome> outcome)
    {
        public MqaTicket Ticket { get; } = ticket;

        public object Row { get; } = row;

        public Task<TicketOutcome> Outcome { get; } = outcome;
    }

    /// <summary>Created (or updated) carries the ticket, failed the error, skipped neither.</summary>
    private sealed class TicketOutcome(MqaTicket? ticket, Exception? error)
    {
        public static readonly TicketOutcome Skipped = new(null, null);

        public MqaTicket? Ticket { get; } = ticket;

        public Exception? Error { get; } = error;

        public static TicketOutcome Created(MqaTicket ticket) => new(ticket, null);

        public static TicketOutcome Failed(Exception error) => new(null, error);
    }
}
