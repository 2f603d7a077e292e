using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>
/// Reads and writes the state file. A write goes to a temporary file in the same folder, flushed to disk, then replaces
/// the old file in one rename: a crash at any moment leaves the old state or the new one, never half of either.
/// </summary>
public static class SyncStateFile
{
    /// <summary>The state, or null when there is no file yet.</summary>
    /// <exception cref="SyncStateException">The file does not parse, or is of a version this release does not know.</exception>
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
            throw new SyncStateException($"The sync state file '{path}' does not parse ({ex.Message}); nothing was changed. Restore it, or move it away to start over.", innerException: ex);
        }

        string? problem = state is null ? "it is empty"
            : state.Version != SyncState.CurrentVersion ? $"its version is {state.Version}, and this release reads version {SyncState.CurrentVersion}"
            : !Uri.TryCreate(state.BaseUri, UriKind.Absolute, out _) ? "it names no base URI"
            : HasNonUtcDate(state) ? "a date in it is not UTC (it must end in Z)"
            : null;
        if (problem is not null)
        {
            throw new SyncStateException($"The sync state file '{path}' cannot be used: {problem}; nothing was changed. Restore it, or move it away to start over.");
        }

        return state;
    }

    public static void Save(string path, SyncState state)
    {
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(state, SyncJsonContext.Default.SyncState);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(json, 0, json.Length);
                file.Flush(flushToDisk: true);
            }

            AtomicFile.MoveIntoPlace(temporary, full);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool HasNonUtcDate(SyncState state) =>
        new[] { state.Raw, state.AuditLog, state.Groups }
            .Where(kind => kind is not null)
            .SelectMany(kind => new[] { kind!.StartDate, kind.SyncedTo }.Concat(kind.Windows.SelectMany(window => new[] { window.From, window.To, window.RequestedAt })))
            .Any(date => date.Kind != DateTimeKind.Utc);
}
