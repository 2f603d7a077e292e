using System;

namespace MaestroQA.Client.Models;

/// <summary>Another Sync-MqaExport holds the folder: only one sync may write a folder and its state at a time.</summary>
public sealed class SyncLockedException : Exception
{
    public SyncLockedException(string message, string hostName, int processId, DateTime since)
        : base(message)
    {
        HostName = hostName;
        ProcessId = processId;
        Since = since;
    }

    /// <summary>The machine the holder runs on.</summary>
    public string HostName { get; }

    public int ProcessId { get; }

    /// <summary>UTC: when the holder took the lock.</summary>
    public DateTime Since { get; }
}
