using System;
using System.Collections.Generic;
using System.Linq;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>A run's work: the state it continues (or starts) and its windows, in the order they are requested.</summary>
public sealed class SyncPlan
{
    internal SyncPlan(SyncState state, IReadOnlyList<SyncJob> jobs, IReadOnlyList<string> notes)
    {
        State = state;
        Jobs = jobs;
        Notes = notes;
    }

    /// <summary>The state the run works on: the file's, or a new one; saved only once the run sends something.</summary>
    public SyncState State { get; }

    public IReadOnlyList<SyncJob> Jobs { get; }

    /// <summary>What the plan made of the input, for -Verbose.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The plan with only the windows <paramref name="keep"/> takes, in order (the ones a user confirmed).</summary>
    public SyncPlan Keep(Func<SyncJob, bool> keep) => new(State, Jobs.Where(keep).ToArray(), Notes);
}

/// <summary>
/// Plans a run from the state: every window a run requested and did not finish comes first, as it was requested (its
/// export is polled, not requested again); gaps before them and the rest up to the end are cut on the fixed grid.
/// Complete windows are never planned again.
/// </summary>
public static class SyncPlanner
{
    /// <exception cref="SyncStateException">The state belongs to another API, or a kind was synced with other options.</exception>
    /// <exception cref="SyncPlanException">No start for a kind's first sync, or an end before where it stands.</exception>
    public static SyncPlan Plan(SyncState? existing, SyncRequest request)
    {
        string baseUri = request.BaseUri.AbsoluteUri;
        if (existing is not null && !string.Equals(existing.BaseUri, baseUri, StringComparison.OrdinalIgnoreCase))
        {
            throw new SyncStateException(
                $"The sync state was made against {existing.BaseUri}, not {baseUri}: export ids of one API mean nothing to another. Sync to another -Path or -StatePath, or connect to {existing.BaseUri}.",
                isMismatch: true);
        }

        SyncState state = existing ?? new SyncState { BaseUri = baseUri };
        var jobs = new List<SyncJob>();
        var notes = new List<string>();
        foreach (ExportKind kind in request.Kinds.Distinct())
        {
            SyncKindState kindState = state.For(kind) ?? NewKindState(kind, request);
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

            jobs.AddRange(kind == ExportKind.Groups ? PlanSnapshot(kindState) : PlanRange(kind, kindState, request));
            state.Set(kind, kindState);
        }

        return new SyncPlan(state, jobs, notes);
    }

    public static DateTime WholeSeconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static SyncKindState NewKindState(ExportKind kind, SyncRequest request)
    {
        if (kind == ExportKind.Groups)
        {
            // No range: SyncedTo becomes the time of the latest snapshot.
            var never = new DateTime(0, DateTimeKind.Utc);
            return new SyncKindState { StartDate = never, SyncedTo = never, Options = request.OptionsFor(kind) };
        }

        if (request.StartDate is not DateTime start)
        {
            throw new SyncPlanException(
                SyncPlanProblem.StartDateRequired,
                $"This folder has no {kind} sync yet: give -StartDate, where its first sync starts. Later runs continue from where the last one ended.",
                "StartDate");
        }

        DateTime from = WholeSeconds(start);
        return new SyncKindState { StartDate = from, SyncedTo = from, Options = request.OptionsFor(kind) };
    }

    private static IEnumerable<SyncJob> PlanRange(ExportKind kind, SyncKindState state, SyncRequest request)
    {
        DateTime end = WholeSeconds(request.EndDate);
        if (end < state.SyncedTo)
        {
            throw new SyncPlanException(
                SyncPlanProblem.EndDateBeforeSynced,
                $"-EndDate {end:u} is before {state.SyncedTo:u}, where this folder's {kind} sync stands (its start, or where the last run ended): a sync only moves forward. To fetch an earlier range again, sync it to another -Path.",
                "EndDate");
        }

        var jobs = new List<SyncJob>();
        DateTime cursor = state.SyncedTo;
        foreach (SyncWindowState window in state.Windows.OrderBy(window => window.From))
        {
            jobs.AddRange(Cut(kind, cursor, window.From, request.ChunkDays));
            if (!window.Done)
            {
                jobs.Add(new SyncJob(kind, window.From, window.To, window));
            }

            cursor = window.To > cursor ? window.To : cursor;
        }

        jobs.AddRange(Cut(kind, cursor, end, request.ChunkDays));
        return jobs;
    }

    private static IEnumerable<SyncJob> PlanSnapshot(SyncKindState state)
    {
        SyncWindowState[] pending = state.Windows.Where(window => !window.Done).OrderBy(window => window.From).ToArray();

        // One snapshot per run: a snapshot an earlier run requested and did not save is this run's.
        return pending.Length > 0
            ? pending.Select(window => new SyncJob(ExportKind.Groups, window.From, window.To, window))
            : [new SyncJob(ExportKind.Groups, default, default, export: null)];
    }

    private static IEnumerable<SyncJob> Cut(ExportKind kind, DateTime from, DateTime to, int chunkDays) =>
        SyncWindowPlanner.Cut(from, to, chunkDays).Select(range => new SyncJob(kind, range.From, range.To, export: null));

    private static string Describe(string options) => options.Length == 0 ? "no options" : options;
}
