using System;
using System.ComponentModel;
using System.Diagnostics;

namespace MaestroQA.Client.Sync;

/// <summary>What a lock needs to know about processes on this machine; tests give their own.</summary>
public interface IProcessProbe
{
    string HostName { get; }

    int CurrentProcessId { get; }

    /// <summary>False when no process has the id; else true, with its start (UTC) when it can be read.</summary>
    bool IsRunning(int processId, out DateTime? startedAt);
}

public sealed class SystemProcessProbe : IProcessProbe
{
    public static readonly SystemProcessProbe Instance = new();

    private SystemProcessProbe()
    {
    }

    public string HostName => Environment.MachineName;

    public int CurrentProcessId
    {
        get
        {
            using Process current = Process.GetCurrentProcess();
            return current.Id;
        }
    }

    public bool IsRunning(int processId, out DateTime? startedAt)
    {
        startedAt = null;
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }

        using (process)
        {
            try
            {
                if (process.HasExited)
                {
                    return false;
                }

                startedAt = process.StartTime.ToUniversalTime();
            }
            catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or NotSupportedException)
            {
                // Another user's process, or one ending right now: running, start unknown.
            }

            return true;
        }
    }
}
