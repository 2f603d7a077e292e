using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Tickets;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Errors;

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
    private readonly ProgressActivity _progress = new("Creating MaestroQA tickets");
    private TimeSpan _lastProgress = TimeSpan.FromSeconds(-1);
    private CancellationTokenSource? _work;
    private TicketCreator? _creator;
    private int _created;
    private int _updated;
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
        if (!TryReadTicket(TicketRowPurpose.Create, out MqaTicket ticket, out ErrorRecord? invalid))
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

        _creator ??= new TicketCreator(Client, IfExists, this);
        _inFlight.Enqueue(new PendingTicket(CurrentRow, _creator.CreateAsync(ticket, WorkToken)));
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
        WriteVerbose($"New-MqaTicket: {Counts()} in {seconds:0.0} s ({(seconds > 0 ? (_created + _updated) / seconds : 0):0.0} tickets/s).");
        WriteProgress(_progress.Done());
    }

    public void Dispose()
    {
        // Rows still in flight when the command ends early are cancelled, not left to finish unseen.
        _work?.Cancel();
        _work?.Dispose();
    }

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
        if (outcome.Kind == TicketOutcomeKind.Failed && ErrorRecords.StopsTheCommand(outcome.Error!))
        {
            // Before the command stops (a 401 mid-load), the rows still in flight finish and those MaestroQA accepted
            // are written: the output matches what exists, and a re-run with -IfExists Skip has nothing to guess.
            while (_inFlight.Count > 0)
            {
                PendingTicket next = _inFlight.Dequeue();
                TicketOutcome nextOutcome = Await(next.Outcome);
                if (!(nextOutcome.Kind == TicketOutcomeKind.Failed && ErrorRecords.StopsTheCommand(nextOutcome.Error!)))
                {
                    Write(next, nextOutcome);
                }
            }
        }

        Write(pending, outcome);
    }

    private void Write(PendingTicket pending, TicketOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case TicketOutcomeKind.Created:
                _created++;
                WriteObject(outcome.Ticket);
                break;
            case TicketOutcomeKind.Updated:
                _updated++;
                WriteObject(outcome.Ticket);
                break;
            case TicketOutcomeKind.Skipped:
                _skipped++;
                WriteVerbose($"Ticket '{outcome.Ticket.GradableId}' already exists; skipped.");
                break;
            default:
                _failed++;
                WriteFailure(outcome.Error!, pending.Row);
                break;
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
        int done = _created + _updated + _skipped + _failed;
        double seconds = now.TotalSeconds;
        WriteProgress(_progress.Step($"{done} done ({Counts()}), {(seconds > 0 ? done / seconds : 0):0.0}/s"));
    }

    private string Counts() =>
        $"{_created} created{(_updated > 0 ? $", {_updated} updated" : string.Empty)}, {_skipped} skipped, {_failed} failed";

    private sealed class PendingTicket(object? row, Task<TicketOutcome> outcome)
    {
        /// <summary>The input as given, so a failed row's error carries it whole as TargetObject.</summary>
        public object? Row { get; } = row;

        public Task<TicketOutcome> Outcome { get; } = outcome;
    }
}
