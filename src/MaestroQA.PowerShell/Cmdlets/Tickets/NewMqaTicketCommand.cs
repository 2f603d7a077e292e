using System;
using System.Collections.Generic;
using System.Diagnostics;
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
public sealed class NewMqaTicketCommand : TicketFieldsCmdlet
{
    private readonly Queue<PendingTicket> _inFlight = new();
    private readonly Stopwatch _elapsed = new();
    private int _created;
    private int _skipped;
    private int _failed;

    [Parameter]
    public TicketConflictAction IfExists { get; set; } = TicketConflictAction.Error;

    /// <summary>Requests in flight at once; the rate limiter still paces them.</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void ProcessRecord()
    {
        _elapsed.Start();
        MqaTicket? ticket = ReadTicket(requireAll: true);
        if (ticket is null)
        {
            _failed++;
            ReportProgress();
            return;
        }

        if (!ShouldProcess(ticket.GradableId, "Create MaestroQA ticket"))
        {
            return;
        }

        _inFlight.Enqueue(new PendingTicket(ticket, CurrentRow, CreateAsync(ticket, StopToken)));
        while (_inFlight.Count >= ThrottleLimit)
        {
            Complete(_inFlight.Dequeue());
        }
    }

    protected override void EndProcessing()
    {
        while (_inFlight.Count > 0)
        {
            Complete(_inFlight.Dequeue());
        }

        if (_skipped > 0)
        {
            WriteWarning($"{_skipped} ticket(s) already existed and were skipped (-IfExists Skip).");
        }

        double seconds = _elapsed.Elapsed.TotalSeconds;
        WriteVerbose($"New-MqaTicket: {_created} created, {_skipped} skipped, {_failed} failed in {seconds:0.0} s ({(seconds > 0 ? _created / seconds : 0):0.0} tickets/s).");
        WriteProgress(new ProgressRecord(1, "Creating MaestroQA tickets", "Done") { RecordType = ProgressRecordType.Completed });
    }

    /// <summary>Runs off the pipeline thread; every outcome is returned, never thrown, so order and counts stay simple.</summary>
    private async Task<TicketOutcome> CreateAsync(MqaTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            return TicketOutcome.Created(await Client.CreateTicketAsync(ticket, cancellationToken).ConfigureAwait(false));
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

    private void ReportProgress()
    {
        int done = _created + _skipped + _failed;
        double seconds = _elapsed.Elapsed.TotalSeconds;
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
