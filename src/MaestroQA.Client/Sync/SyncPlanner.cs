using System;
using System.Collections.Generic;
using System.Linq;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>A run's work: the state it continues (or starts) and its windows, in the order they are requested.</summary>
public sealed class SyncPlan
{
    internal SyncPlan(SyncState state, IReadOnlyList<SyncJob> jobs, IReadOnlyList<string> notes, IReadOnlyList<string> warnings)
    {
        State = state;
        Jobs = jobs;
        Notes = notes;
        Warnings = warnings;
    }

    /// <summary>The state the run works on: the file's, or a new one; saved only once the run sends something.</summary>
    public SyncState State { get; }

    public IReadOnlyList<SyncJob> Jobs { get; }

    /// <summary>What the plan made of the input, for -Verbose.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>What the user should hear: a range that holds nothing, say.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The windows of the kinds asked for that are recorded empty, and are not redone by this plan.</summary>
    public IEnumerable<(ExportKind Kind, EmptyWindow Window)> EmptyWindows(IEnumerable<ExportKind> kinds) =>
        kinds.Distinct()
            .SelectMany(kind => (State.For(kind)?.EmptyWindows ?? []).Select(window => (kind, window)))
            .Where(empty => !Jobs.Any(job => job.RedoesEmpty && job.Kind == empty.kind && job.Window == empty.window.Window));

    /// <summary>The plan with only the windows <paramref name="keep"/> takes, in order (the ones a user confirmed).</summary>
    public SyncPlan Keep(Func<SyncJob, bool> keep) => new(State, Jobs.Where(keep).ToArray(), Notes, Warnings);
}

/// <summary>
/// Plans a run from the state: every window a run requested and did not finish comes first, as it was requested (its
/// export is polled, not requested again); gaps before them and the rest up to the end are cut on the fixed grid
/// (<see cref="WindowAlignment.Grid"/>). Complete windows are never planned again, nor windows past this run's end:
/// those an earlier run with a later end requested stay in the state for a run that reaches them.
/// </summary>
public static class SyncPlanner
{
    /// <exception cref="SyncStateException">The state belongs to another API, or a kind was synced with other options.</exception>
    /// <exception cref="MaestroQAInputException">No start for a kind's first sync, a start after the end, or an end before where the folder stands.</exception>
    public static SyncPlan Plan(SyncState? existing, SyncRequest request)
    {
        var notes = new List<string>();
        var warnings = new List<string>();
        if (existing is not null)
        {
            CheckSameApi(existing, request.BaseUri, notes);
        }

        SyncState state = existing ?? new SyncState { BaseUri = request.BaseUri.AbsoluteUri };
        var jobs = new List<SyncJob>();
        foreach (ExportKind kind in request.Kinds.Distinct())
        {
            SyncKindState kindState = state.For(kind) ?? NewKindState(kind, request, warnings);
            string options = request.OptionsFor(kind);
            if (!string.Equals(kindState.Options, options, StringComparison.Ordinal))
            {
                throw new SyncStateException(
                    $"This folder's {kind} exports were synced with {Describe(kindState.Options)}; this run asks for {Describe(options)}. Files of other options do not belong beside them: sync those to another -Path.",
                    isMismatch: true);
            }

            if (state.For(kind) is not null && kind != ExportKind.Groups && request.StartDate is DateTime start && WholeSeconds(start) != kindState.StartDate)
            {
                notes.Add($"{kind}: -StartDate is used only by a first sync; this folder is synced from {kindState.StartDate:u} to {kindState.SyncedTo:u}, and continues from there.");
            }

            jobs.AddRange(kind == ExportKind.Groups ? PlanSnapshot(kindState) : PlanRange(kind, kindState, request, notes));
            state.Set(kind, kindState);
        }

        return new SyncPlan(state, jobs, notes, warnings);
    }

    public static DateTime WholeSeconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    /// <summary>
    /// Export ids of one API mean nothing to another, so the state must come from this one: the same base written any way
    /// (a slash, the case of the host), or the vendor's API on its other domain, which the state then records.
    /// </summary>
    private static void CheckSameApi(SyncState state, Uri baseUri, List<string> notes)
    {
        if (!Uri.TryCreate(state.BaseUri, UriKind.Absolute, out Uri? recorded) || !BaseUris.SameApi(recorded, baseUri))
        {
            throw new SyncStateException(
                $"The sync state was made against {state.BaseUri}, not {baseUri.AbsoluteUri}: export ids of one API mean nothing to another. Sync to another -Path or -StatePath, or connect to {state.BaseUri}.",
                isMismatch: true);
        }

        if (!BaseUris.Same(recorded, baseUri))
        {
            notes.Add($"The sync state was made against {state.BaseUri}; the API has moved to {baseUri.AbsoluteUri}, which the state records from now on.");
            state.BaseUri = baseUri.AbsoluteUri;
        }
    }

    private static SyncKindState NewKindState(ExportKind kind, SyncRequest request, List<string> warnings)
    {
        if (kind == ExportKind.Groups)
        {
            // No range: SyncedTo becomes the time of the latest snapshot.
            var never = new DateTime(0, DateTimeKind.Utc);
            return new SyncKindState { StartDate = never, SyncedTo = never, Options = request.OptionsFor(kind) };
        }

        if (request.StartDate is not DateTime start)
        {
            throw new MaestroQAInputException(
                InputProblem.StartDateRequired,
                $"This folder has no {kind} sync yet: give -StartDate, where its first sync starts. Later runs continue from where the last one ended.",
                "StartDate");
        }

        DateTime from = WholeSeconds(start);
        DateTime end = WholeSeconds(request.EndDate);
        if (from > end)
        {
            throw new MaestroQAInputException(
                InputProblem.InvalidDateRange,
                $"-StartDate {from:u} is after {request.DescribeEnd()}{(request.EndDateGiven ? string.Empty : ", where a run ends by default")}: a first sync needs a start before its end.",
                "StartDate",
                start);
        }

        if (from == end)
        {
            warnings.Add($"{kind}: -StartDate {from:u} is {request.DescribeEnd()} itself, or less than a second before it: there is nothing to sync yet.");
        }

        return new SyncKindState { StartDate = from, SyncedTo = from, Options = request.OptionsFor(kind) };
    }

    private static IEnumerable<SyncJob> PlanRange(ExportKind kind, SyncKindState state, SyncRequest request, List<string> notes)
    {
        DateTime end = WholeSeconds(request.EndDate);
        if (end < state.SyncedTo)
        {
            string bookmark = request.EndDateGiven ? string.Empty : " The state's bookmark is later than now: the clock of the machine that wrote it may have been ahead.";
            throw new MaestroQAInputException(
                InputProblem.EndDateBeforeSynced,
                $"{Capitalized(request.DescribeEnd())} is before {state.SyncedTo:u}, where this folder's {kind} sync stands (its start, or where the last run ended): a sync only moves forward.{bookmark} To fetch an earlier range again, sync it to another -Path.",
                "EndDate",
                request.EndDate);
        }

        var jobs = new List<SyncJob>();
        if (request.RedoEmptyWindows)
        {
            // One an earlier redo already requested is polled below, not requested twice.
            jobs.AddRange(state.EmptyWindows
                .Where(empty => empty.From < end && state.Find(empty.Window) is null)
                .OrderBy(empty => empty.From)
                .Select(empty => new SyncJob(kind, empty.Window) { RedoesEmpty = true }));
        }

        DateTime cursor = state.SyncedTo;
        RequestedWindow[] inRange = state.Windows.Where(window => window.From < end).OrderBy(window => window.From).ToArray();
        int later = state.Windows.Count - inRange.Length;
        if (later > 0)
        {
            notes.Add($"{kind}: {later} window(s) an earlier run requested lie past this run's end, {end:u}; they stay in the state for a run that reaches them.");
        }

        foreach (RequestedWindow window in inRange)
        {
            jobs.AddRange(Cut(kind, cursor, window.From, request.ChunkDays));
            if (!window.Done)
            {
                jobs.Add(new SyncJob(kind, window.Window, new PendingExport(window.ExportId, window.RequestedAt))
                {
                    RedoesEmpty = state.EmptyWindows.Any(empty => empty.Window == window.Window),
                });
            }

            cursor = window.To > cursor ? window.To : cursor;
        }

        jobs.AddRange(Cut(kind, cursor, end, request.ChunkDays));
        return jobs;
    }

    private static IEnumerable<SyncJob> PlanSnapshot(SyncKindState state)
    {
        RequestedWindow[] pending = state.Windows.Where(window => !window.Done).OrderBy(window => window.From).ToArray();

        // One snapshot per run: a snapshot an earlier run requested and did not save is this run's.
        return pending.Length > 0
            ? pending.Select(window => new SyncJob(ExportKind.Groups, window.Window, new PendingExport(window.ExportId, window.RequestedAt)))
            : [new SyncJob(ExportKind.Groups, default)];
    }

    private static IEnumerable<SyncJob> Cut(ExportKind kind, DateTime from, DateTime to, int chunkDays) =>
        DateWindows.Cut(from, to, chunkDays, WindowAlignment.Grid).Select(window => new SyncJob(kind, window));

    private static string Describe(string options) => options.Length == 0 ? "no options" : options;

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
