using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

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
                if (process.HasExited || HasEnded(processId))
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

    /// <summary>
    /// A process that has exited but that its parent has not yet reaped (a zombie, as after kill -9) still has its id,
    /// and .NET reports it running; on Linux /proc says what it is. Elsewhere an exited process is reported exited.
    /// </summary>
    internal static bool HasEnded(int processId)
    {
        string stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            // "pid (command) state ...": the command may hold spaces and parentheses, so the state follows the last ')'.
            string text = File.ReadAllText(stat);
            int close = text.LastIndexOf(')');
            return close > 0 && close + 2 < text.Length && text[close + 2] is 'Z' or 'X' or 'x';
        }
        catch (IOException)
        {
            return true; // it went between the two looks
        }
    }
}
