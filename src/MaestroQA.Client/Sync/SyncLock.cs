using System;
using System.IO;
using System.Text.Json;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>
/// One sync per folder: a lock file naming its holder (host, process id and start, since when). It appears whole or
/// not at all (written aside, then renamed in without overwriting), so readers never see half a holder. A lock whose
/// holder is gone (same host, no such process, or the id now belongs to a process that started later) is taken over;
/// a lock from another host cannot be checked and is never taken over.
/// </summary>
public sealed class SyncLock : IDisposable
{
    private const int Attempts = 5;
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(1);
    private readonly string _path;
    private readonly SyncLockHolder _holder;
    private bool _released;

    private SyncLock(string path, SyncLockHolder holder)
    {
        _path = path;
        _holder = holder;
    }

    public SyncLockHolder Holder => _holder;

    /// <exception cref="SyncLockedException">Another live sync holds the folder.</exception>
    /// <exception cref="ExportFileException">The lock cannot be written (a folder in its place, a folder that refuses it).</exception>
    public static SyncLock Acquire(string folder, IProcessProbe? probe = null, TimeProvider? time = null)
    {
        probe ??= SystemProcessProbe.Instance;
        string path = Path.Combine(Path.GetFullPath(folder), SyncNames.LockFileName);
        if (Directory.Exists(path))
        {
            throw new ExportFileException(path, $"'{path}' is a folder, where the sync keeps its lock file; move it away and run again.");
        }

        int me = probe.CurrentProcessId;
        probe.IsRunning(me, out DateTime? myStart);
        var holder = new SyncLockHolder
        {
            HostName = probe.HostName,
            ProcessId = me,
            ProcessStartedAt = myStart,
            Since = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime,
        };

        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (TryCreate(path, holder))
            {
                return new SyncLock(path, holder);
            }

            if (!TryRead(path, out SyncLockHolder? current))
            {
                continue; // released meanwhile: try again
            }

            if (current is null || !IsStale(current, probe))
            {
                throw Locked(path, current, probe);
            }

            TryTakeOver(path, current);
        }

        throw Locked(path, TryRead(path, out SyncLockHolder? last) ? last : null, probe);
    }

    /// <summary>Whether the holder is certainly gone: only a process on this host can be checked.</summary>
    public static bool IsStale(SyncLockHolder holder, IProcessProbe probe)
    {
        if (!OnThisHost(holder, probe))
        {
            return false;
        }

        if (!probe.IsRunning(holder.ProcessId, out DateTime? startedAt))
        {
            return true;
        }

        // The id was reused: the process that has it now started after the holder did.
        return holder.ProcessStartedAt is DateTime recorded && startedAt is DateTime actual && (actual - recorded).Duration() > StartTimeTolerance;
    }

    /// <summary>Deletes the lock file, if it is still this holder's.</summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        if (TryRead(_path, out SyncLockHolder? current) && current is not null && Same(current, _holder))
        {
            File.Delete(_path);
        }
    }

    private static bool TryCreate(string path, SyncLockHolder holder)
    {
        try
        {
            // Without overwrite: fails when a lock is there, whoever renamed theirs in first.
            AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(holder, SyncJsonContext.Default.SyncLockHolder), overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExportFileException(path, $"Cannot write the sync lock '{path}': {ex.Message} Nothing was requested.", innerException: ex);
        }
    }

    /// <summary>False when there is no lock file; true with null when there is one that does not parse.</summary>
    private static bool TryRead(string path, out SyncLockHolder? holder)
    {
        holder = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        try
        {
            holder = JsonSerializer.Deserialize(bytes, SyncJsonContext.Default.SyncLockHolder);
        }
        catch (JsonException)
        {
            holder = null;
        }

        return true;
    }

    /// <summary>
    /// Renames the stale lock away (only one taker can), then checks that what it moved is the stale holder it judged:
    /// if another taker had already replaced it with a live lock, that lock is put back.
    /// </summary>
    private static void TryTakeOver(string path, SyncLockHolder stale)
    {
        string moved = $"{path}.{Guid.NewGuid():N}.stale";
        try
        {
            File.Move(path, moved);
        }
        catch (IOException)
        {
            return; // another taker was first
        }

        if (TryRead(moved, out SyncLockHolder? taken) && taken is not null && !Same(taken, stale))
        {
            try
            {
                File.Move(moved, path);
                return;
            }
            catch (IOException)
            {
                // A third lock is in place already; the one moved aside is dropped below.
            }
        }

        File.Delete(moved);
    }

    private static bool OnThisHost(SyncLockHolder holder, IProcessProbe probe) =>
        string.Equals(holder.HostName, probe.HostName, StringComparison.OrdinalIgnoreCase);

    private static bool Same(SyncLockHolder a, SyncLockHolder b) =>
        string.Equals(a.HostName, b.HostName, StringComparison.OrdinalIgnoreCase) && a.ProcessId == b.ProcessId && a.Since == b.Since;

    private static SyncLockedException Locked(string path, SyncLockHolder? holder, IProcessProbe probe)
    {
        if (holder is null)
        {
            return new SyncLockedException(
                $"Another sync holds this folder: '{path}' exists but does not say who holds it. If no sync is running, delete that file and run again.",
                string.Empty,
                0,
                DateTime.MinValue);
        }

        string advice = OnThisHost(holder, probe)
            ? "run again when it has finished."
            : "run again when it has finished. A lock from another machine is never taken over: if that sync is gone for good, delete the lock file.";
        return new SyncLockedException(
            $"Another sync holds this folder: {holder} ('{path}'). Only one sync may write a folder at a time; {advice}",
            holder.HostName,
            holder.ProcessId,
            holder.Since);
    }
}
