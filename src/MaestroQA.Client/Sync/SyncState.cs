using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>
/// What a sync folder has: per kind, how far it is synced and the exports requested but not yet saved. Written after
/// every request and every completed window (<see cref="SyncStateFile"/>), never before that window's files are in place.
/// </summary>
public sealed class SyncState
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("version")] public int Version { get; set; } = CurrentVersion;

    /// <summary>The API the exports were requested from: another API does not know their ids.</summary>
    [JsonPropertyName("baseUri")] public string BaseUri { get; set; } = string.Empty;

    [JsonPropertyName("raw")] public SyncKindState? Raw { get; set; }

    [JsonPropertyName("auditLog")] public SyncKindState? AuditLog { get; set; }

    [JsonPropertyName("groups")] public SyncKindState? Groups { get; set; }

    [JsonIgnore]
    public IEnumerable<SyncKindState> Kinds => new[] { Raw, AuditLog, Groups }.Where(kind => kind is not null)!;

    public SyncKindState? For(ExportKind kind) => kind switch
    {
        ExportKind.Raw => Raw,
        ExportKind.AuditLog => AuditLog,
        ExportKind.Groups => Groups,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public void Set(ExportKind kind, SyncKindState state)
    {
        switch (kind)
        {
            case ExportKind.Raw: Raw = state; break;
            case ExportKind.AuditLog: AuditLog = state; break;
            case ExportKind.Groups: Groups = state; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}

/// <summary>One kind's progress. For a range kind everything before <see cref="SyncedTo"/> is in the folder; for groups it is the last snapshot's time.</summary>
public sealed class SyncKindState
{
    /// <summary>Where the first sync of this kind started (for groups: when the first snapshot was requested).</summary>
    [JsonPropertyName("startDate")] public DateTime StartDate { get; set; }

    /// <summary>Every window before this is complete; windows after it are in <see cref="Windows"/> or not requested yet.</summary>
    [JsonPropertyName("syncedTo")] public DateTime SyncedTo { get; set; }

    /// <summary>The export options the kind was first synced with: data of other options would not fit beside it.</summary>
    [JsonPropertyName("options")] public string Options { get; set; } = string.Empty;

    /// <summary>Windows with an export: after SyncedTo, requested and waiting or complete ahead of an earlier window; before it, an empty window being redone.</summary>
    [JsonPropertyName("windows")] public List<RequestedWindow> Windows { get; set; } = [];

    /// <summary>
    /// Synced windows MaestroQA had no data for (complete with an empty dataUrl, twice): they have no files, and are
    /// listed here so that a transient empty answer can be seen (-WhatIf) and redone (-RedoEmptyWindows).
    /// </summary>
    [JsonPropertyName("emptyWindows")] public List<EmptyWindow> EmptyWindows { get; set; } = [];

    public RequestedWindow? Find(DateWindow window) => Windows.FirstOrDefault(requested => requested.From == window.From && requested.To == window.To);

    /// <summary>Marks a window complete and moves SyncedTo over every complete window that now follows it without a gap.</summary>
    public void Complete(RequestedWindow window)
    {
        window.Done = true;
        if (window.From == window.To)
        {
            // A groups snapshot stands alone: nothing before it waits on it.
            Windows.Remove(window);
            SyncedTo = window.To > SyncedTo ? window.To : SyncedTo;
            return;
        }

        Windows.Sort((a, b) => a.From.CompareTo(b.From));
        while (Windows.FirstOrDefault() is { Done: true } first && first.From <= SyncedTo)
        {
            SyncedTo = first.To > SyncedTo ? first.To : SyncedTo;
            Windows.RemoveAt(0);
        }
    }
}

/// <summary>A window with an export: requested and waiting, or (<see cref="Done"/>) complete ahead of an earlier window.</summary>
public sealed class RequestedWindow
{
    [JsonPropertyName("from")] public DateTime From { get; set; }

    [JsonPropertyName("to")] public DateTime To { get; set; }

    [JsonPropertyName("exportId")] public string ExportId { get; set; } = string.Empty;

    [JsonPropertyName("requestedAt")] public DateTime RequestedAt { get; set; }

    /// <summary>Its files are in place, but an earlier window is not yet: it is never requested again.</summary>
    [JsonPropertyName("done")] public bool Done { get; set; }

    [JsonIgnore]
    public DateWindow Window => new(From, To);
}

/// <summary>A synced window MaestroQA had no data for.</summary>
public sealed class EmptyWindow
{
    [JsonPropertyName("from")] public DateTime From { get; set; }

    [JsonPropertyName("to")] public DateTime To { get; set; }

    [JsonPropertyName("exportId")] public string ExportId { get; set; } = string.Empty;

    /// <summary>UTC: when MaestroQA said, for the second time, that it holds no data.</summary>
    [JsonPropertyName("confirmedAt")] public DateTime ConfirmedAt { get; set; }

    [JsonIgnore]
    public DateWindow Window => new(From, To);
}
