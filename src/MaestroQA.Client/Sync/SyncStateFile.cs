using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>
/// Reads and writes the state file. A write goes through <see cref="AtomicFile"/>: a crash at any moment leaves the
/// old state or the new one, never half of either.
/// </summary>
public static class SyncStateFile
{
    /// <summary>The state, or null when there is no file yet.</summary>
    /// <exception cref="SyncStateException">The file does not parse, is of a version this release does not know, or does not hold together.</exception>
    public static SyncState? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        SyncState? state;
        try
        {
            // A state that went through a text tool (Set-Content -Encoding UTF8 on Windows PowerShell) may start with a BOM.
            byte[] json = File.ReadAllBytes(path);
            int bom = json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF ? 3 : 0;
            state = JsonSerializer.Deserialize(new ReadOnlySpan<byte>(json, bom, json.Length - bom), SyncJsonContext.Default.SyncState);
        }
        catch (JsonException ex)
        {
            throw Unusable(path, $"it does not parse ({ex.Message})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExportFileException(path, $"Cannot read the sync state file '{path}': {ex.Message}", innerException: ex);
        }

        return Problem(state) is string problem ? throw Unusable(path, problem) : state;
    }

    public static void Save(string path, SyncState state) => Save(path, state, through: null);

    /// <param name="through">Wraps the stream the state is written through: tests break a write midway with it.</param>
    internal static void Save(string path, SyncState state, Func<Stream, Stream>? through) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(state, SyncJsonContext.Default.SyncState), overwrite: true, through);

    /// <summary>What makes a parsed state unusable, or null when it holds together.</summary>
    private static string? Problem(SyncState? state)
    {
        if (state is null)
        {
            return "it is empty";
        }

        if (state.Version != SyncState.CurrentVersion)
        {
            return $"its version is {state.Version}, and this release reads version {SyncState.CurrentVersion}";
        }

        if (!Uri.TryCreate(state.BaseUri, UriKind.Absolute, out _))
        {
            return "it names no base URI";
        }

        foreach (SyncKindState kind in state.Kinds)
        {
            if (kind.Windows is null || kind.Windows.Any(window => window is null) || kind.EmptyWindows is null || kind.EmptyWindows.Any(window => window is null))
            {
                return "a list of windows in it is null or holds null";
            }

            if (kind.Options is null)
            {
                return "a kind in it names no options";
            }

            DateTime[] dates = [kind.StartDate, kind.SyncedTo, .. kind.Windows.SelectMany(window => new[] { window.From, window.To, window.RequestedAt }), .. kind.EmptyWindows.SelectMany(window => new[] { window.From, window.To, window.ConfirmedAt })];
            if (dates.Any(date => date.Kind != DateTimeKind.Utc))
            {
                return "a date in it is not UTC (it must end in Z)";
            }

            if (kind.SyncedTo < kind.StartDate)
            {
                return $"it is synced to {kind.SyncedTo:u}, before its start {kind.StartDate:u}, which no sync writes";
            }

            if (kind.Windows.Any(window => window.To < window.From || string.IsNullOrEmpty(window.ExportId)))
            {
                return "a window in it ends before it starts, or names no export";
            }
        }

        return null;
    }

    private static SyncStateException Unusable(string path, string problem, Exception? inner = null) =>
        new($"The sync state file '{path}' cannot be used: {problem}; nothing was changed. Restore it, or move it away to start over.", innerException: inner);
}
