using System.Diagnostics;

namespace MaestroQA.MockServer;

/// <summary>
/// Ways a test's child server stops without being told: its stdin closes (the parent died or let go), or the
/// --parent-pid process is gone. SIGTERM and Ctrl+C are handled by the host itself.
/// </summary>
internal static class ShutdownTriggers
{
    private static readonly TimeSpan ParentPollInterval = TimeSpan.FromMilliseconds(500);

    public static void Watch(CommandLineOptions options, IHostApplicationLifetime lifetime)
    {
        if (!options.IgnoreStdin)
        {
            new Thread(() => WaitForStdinToClose(lifetime)) { IsBackground = true, Name = "stdin watcher" }.Start();
        }

        if (options.ParentPid is { } parentPid)
        {
            _ = WatchParentAsync(parentPid, lifetime);
        }
    }

    private static void WaitForStdinToClose(IHostApplicationLifetime lifetime)
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (stdin.Read(buffer) > 0)
        {
            // Input is ignored; only its end matters.
        }

        lifetime.StopApplication();
    }

    private static async Task WatchParentAsync(int parentPid, IHostApplicationLifetime lifetime)
    {
        using var timer = new PeriodicTimer(ParentPollInterval);
        while (IsAlive(parentPid) && await timer.WaitForNextTickAsync(lifetime.ApplicationStopping))
        {
        }

        lifetime.StopApplication();
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
