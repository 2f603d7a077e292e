using System.Diagnostics;

namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>
/// A real zombie, on Linux: <c>sh</c> starts a short <c>sleep</c> in the background, prints its id and execs a long
/// <c>sleep</c>, which becomes the short one's parent and never reaps it. Once the short one has exited it stays a
/// zombie (state Z in /proc) until the long one is killed, which <see cref="Dispose"/> does.
/// </summary>
internal sealed class ZombieProcess : IDisposable
{
    /// <summary>Generous: the child exits after 0.1 s; this only bounds a wait that would otherwise hang.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private readonly Process _parent;

    private ZombieProcess(Process parent, int processId)
    {
        _parent = parent;
        ProcessId = processId;
    }

    public int ProcessId { get; }

    /// <summary>When the zombie started (UTC), as it would have recorded itself while it ran.</summary>
    public DateTime StartedAt { get; private init; }

    public static ZombieProcess Start()
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-c", "sleep 0.1 & echo $!; exec sleep 60" })
        {
            start.ArgumentList.Add(argument);
        }

        Process parent = Process.Start(start) ?? throw new InvalidOperationException("sh did not start.");
        try
        {
            int child = int.Parse(parent.StandardOutput.ReadLine() ?? throw new InvalidOperationException("sh printed no process id."), System.Globalization.CultureInfo.InvariantCulture);
            DateTime startedAt;
            using (Process running = Process.GetProcessById(child))
            {
                startedAt = running.StartTime.ToUniversalTime();
            }

            WaitUntilZombie(child);
            return new ZombieProcess(parent, child) { StartedAt = startedAt };
        }
        catch
        {
            Kill(parent);
            throw;
        }
    }

    public void Dispose() => Kill(_parent);

    private static void WaitUntilZombie(int processId)
    {
        var waited = Stopwatch.StartNew();
        while (State(processId) != 'Z')
        {
            if (waited.Elapsed > MaxWait)
            {
                throw new InvalidOperationException($"Process {processId} is not a zombie after {MaxWait.TotalSeconds} s (state '{State(processId)}').");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>The state letter in /proc/&lt;pid&gt;/stat, after the command's closing parenthesis; '?' when unreadable.</summary>
    private static char State(int processId)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{processId}/stat");
            int close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length ? stat[close + 2] : '?';
        }
        catch (IOException)
        {
            return '?';
        }
    }

    private static void Kill(Process parent)
    {
        using (parent)
        {
            if (!parent.HasExited)
            {
                parent.Kill();
                parent.WaitForExit();
            }
        }
    }
}
