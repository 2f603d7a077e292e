using System;
using System.Management.Automation;
using MaestroQA.Client.Api.Coaching;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;

namespace MaestroQA.PowerShell.Cmdlets.Coaching;

/// <summary>
/// The coaching sessions of any range, from the coaching export (vendor article 6011874, now marked legacy): the engine
/// asks in windows the API takes and keeps what lies in [StartDate, EndDate); sessions are written as each window's
/// answer arrives.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MqaCoachingSession")]
[OutputType(typeof(MqaCoachingSession))]
public sealed class GetMqaCoachingSessionCommand : MqaApiCmdlet
{
    /// <summary>The first instant of the range, included. A date without an offset is local time.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ApiDateTransformation]
    public DateTimeOffset StartDate { get; set; }

    /// <summary>The end of the range, excluded. A date without an offset is local time.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ApiDateTransformation]
    public DateTimeOffset EndDate { get; set; }

    /// <summary>Which date of a session must lie in the range.</summary>
    [Parameter]
    public CoachingTimeAxis TimeAxis { get; set; } = CoachingTimeAxis.MeetingDate;

    protected override void ProcessRecord()
    {
        var request = new CoachingSessionRequest(StartDate, EndDate) { TimeAxis = TimeAxis };
        var progress = new ProgressActivity("Getting MaestroQA coaching sessions");
        CoachingWindow? current = null;
        try
        {
            bool done = TryCall(
                token => Client.GetCoachingSessionsAsync(
                    request,
                    session => Post(() => WriteObject(AdditionalProperties.Attach(session, session.GetAdditionalFields()))),
                    window =>
                    {
                        current = window;
                        Post(() => WriteProgress(progress.Step($"Requesting {window}", (window.Number - 1) * 100 / window.Count)));
                    },
                    token),
                () => request,
                out int written,
                failure => current is CoachingWindow failed ? Explain(failure, failed) : null);
            if (done)
            {
                WriteVerbose($"Get-MqaCoachingSession: {written} session(s).");
            }
        }
        finally
        {
            WriteProgress(progress.Done());
        }
    }

    /// <summary>What became of the other windows when one failed after its retries.</summary>
    private static string? Explain(Exception failure, CoachingWindow failed) =>
        failed.Count == 1
            ? null
            : $"{failure.Message} It failed at {failed}; {(failed.Number > 1 ? $"the sessions of the {failed.Number - 1} window(s) before it were written, and " : string.Empty)}no later window was requested.";
}
