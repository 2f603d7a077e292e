using System.Collections.Concurrent;
using MaestroQA.Client.Models;
using MaestroQA.Client.Sync;
using MaestroQA.Client.Tests.Support;

namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>Keeps what a run reports, as the cmdlet would show it: progress, windows landed, windows failed, messages.</summary>
internal sealed class RecordingSyncObserver : RecordingLog, ISyncObserver
{
    public ConcurrentQueue<SyncProgress> Progress { get; } = new();

    public ConcurrentQueue<MqaSyncWindow> Completed { get; } = new();

    public ConcurrentQueue<(SyncJob Job, Exception Error)> Failed { get; } = new();

    /// <summary>Told of each window as it is reported complete, on the run's thread (the state is saved by then).</summary>
    public Action<MqaSyncWindow>? OnCompleted { get; init; }

    void ISyncObserver.Progress(SyncProgress progress) => Progress.Enqueue(progress);

    void ISyncObserver.Completed(MqaSyncWindow window)
    {
        Completed.Enqueue(window);
        OnCompleted?.Invoke(window);
    }

    void ISyncObserver.Failed(SyncJob job, Exception error) => Failed.Enqueue((job, error));
}
