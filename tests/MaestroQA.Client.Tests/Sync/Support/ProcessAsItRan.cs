using MaestroQA.Client.Sync;

namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>This machine as a process saw it while it ran: it is that process, running since its start.</summary>
internal sealed class ProcessAsItRan(int processId, DateTime startedAt) : IProcessProbe
{
    public string HostName => SystemProcessProbe.Instance.HostName;

    public int CurrentProcessId => processId;

    public bool IsRunning(int id, out DateTime? started)
    {
        started = startedAt;
        return id == processId;
    }
}
