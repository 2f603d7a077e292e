using MaestroQA.Client.Models;
using MaestroQA.Client.Sync;
using MaestroQA.Client.Tests.Exports;
using MaestroQA.Client.Tests.Sync.Support;

namespace MaestroQA.Client.Tests.Sync;

/// <summary>The lock's takeover rules, on processes a test makes up.</summary>
public sealed class SyncLockTests : IDisposable
{
    private static readonly DateTime Started = new(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ALock_NamesItsHolder_AndIsGoneWhenReleased()
    {
        var me = new Processes("host-a", 100);
        using (SyncLock held = SyncLock.Acquire(_folder.Path, me))
        {
            Assert.Equal(("host-a", 100, Started), (held.Holder.HostName, held.Holder.ProcessId, held.Holder.ProcessStartedAt!.Value));
            Assert.True(File.Exists(LockFile));
        }

        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public void ALiveHolder_IsNeverTakenOver_AndTheErrorNamesIt()
    {
        var machine = new Processes("host-a", 100);
        using SyncLock first = SyncLock.Acquire(_folder.Path, machine);

        var locked = Assert.Throws<SyncLockedException>(() => SyncLock.Acquire(_folder.Path, machine with { Current = 200 }));

        Assert.Equal(("host-a", 100), (locked.HostName, locked.ProcessId));
        Assert.Contains("process 100 on host-a, since ", locked.Message);
        Assert.Equal(first.Holder.Since, locked.Since);
    }

    [Fact]
    public void ADeadHolderOnThisHost_IsTakenOver()
    {
        SyncLock.Acquire(_folder.Path, new Processes("host-a", 100)); // never released: the process was killed

        using SyncLock taken = SyncLock.Acquire(_folder.Path, new Processes("host-a", 200) { Dead = [100] });

        Assert.Equal(200, taken.Holder.ProcessId);
    }

    [Fact]
    public void AHolderWhoseIdWasReused_IsTakenOver()
    {
        SyncLock.Acquire(_folder.Path, new Processes("host-a", 100));

        // Process 100 runs again, but it started an hour after the holder did: another process.
        using SyncLock taken = SyncLock.Acquire(_folder.Path, new Processes("host-a", 200) { StartOf100 = Started.AddHours(1) });

        Assert.Equal(200, taken.Holder.ProcessId);
    }

    [Fact]
    public void AHolderOnAnotherHost_IsNeverTakenOver_EvenIfNoSuchProcessRunsHere()
    {
        SyncLock.Acquire(_folder.Path, new Processes("host-b", 100));

        var locked = Assert.Throws<SyncLockedException>(() => SyncLock.Acquire(_folder.Path, new Processes("host-a", 200) { Dead = [100] }));

        Assert.Equal("host-b", locked.HostName);
        Assert.Contains("never taken over", locked.Message);
    }

    [Fact]
    public void ALockFileThatSaysNothing_IsNotTakenOver()
    {
        File.WriteAllText(LockFile, "not json");

        var locked = Assert.Throws<SyncLockedException>(() => SyncLock.Acquire(_folder.Path, new Processes("host-a", 200)));

        Assert.Contains("delete that file", locked.Message);
        Assert.Equal("not json", File.ReadAllText(LockFile));
    }

    [Fact]
    public void ReleasingALockSomeoneElseTookOver_LeavesTheirs()
    {
        SyncLock stale = SyncLock.Acquire(_folder.Path, new Processes("host-a", 100));
        using SyncLock taken = SyncLock.Acquire(_folder.Path, new Processes("host-a", 200) { Dead = [100] });

        stale.Dispose();

        Assert.True(File.Exists(LockFile));
        Assert.Throws<SyncLockedException>(() => SyncLock.Acquire(_folder.Path, new Processes("host-a", 300)));
    }

    [LinuxFact]
    public void AZombieHolder_IsNotRunning_AndItsLockIsTakenOver()
    {
        using ZombieProcess zombie = ZombieProcess.Start();
        SyncLock.Acquire(_folder.Path, new ProcessAsItRan(zombie.ProcessId, zombie.StartedAt)); // it held the lock, then was killed

        Assert.False(SystemProcessProbe.Instance.IsRunning(zombie.ProcessId, out _));
        using SyncLock taken = SyncLock.Acquire(_folder.Path);

        Assert.Equal(Environment.ProcessId, taken.Holder.ProcessId);
    }

    private string LockFile => Path.Combine(_folder.Path, SyncNames.LockFileName);

    /// <summary>A machine whose processes all run since <see cref="Started"/>, but those listed dead.</summary>
    private sealed record Processes(string HostName, int Current) : IProcessProbe
    {
        public int[] Dead { get; init; } = [];

        public DateTime StartOf100 { get; init; } = Started;

        public int CurrentProcessId => Current;

        public bool IsRunning(int processId, out DateTime? startedAt)
        {
            startedAt = processId == 100 ? StartOf100 : Started;
            return !Dead.Contains(processId);
        }
    }
}
