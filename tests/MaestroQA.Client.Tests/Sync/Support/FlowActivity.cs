namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>
/// Tells whether the code of one asynchronous flow (work started through <see cref="Start"/>, with everything it
/// awaits and starts) runs on any thread: an <see cref="AsyncLocal{T}"/> marks the flow, and its change notifications
/// say when a thread takes the flow's context up and puts it down.
/// </summary>
internal sealed class FlowActivity
{
    private const int QuietSamples = 3;
    private readonly AsyncLocal<FlowActivity?> _marker;
    private int _running;
    private long _entries;

    public FlowActivity() => _marker = new AsyncLocal<FlowActivity?>(OnChanged);

    /// <summary>Starts <paramref name="work"/> on the thread pool, in a flow of its own; the caller's flow stays unmarked.</summary>
    public Task Start(Func<Task> work) => Task.Run(() =>
    {
        _marker.Value = this;
        return work();
    });

    /// <summary>
    /// Completes once the flow runs nowhere and has nothing queued, over a few samples a moment apart: all it does
    /// then waits on a timer (or on nothing at all).
    /// </summary>
    public async Task SettledAsync()
    {
        for (int quiet = 0; quiet < QuietSamples;)
        {
            long entries = Interlocked.Read(ref _entries);
            await Task.Delay(1);
            bool idle = Volatile.Read(ref _running) == 0 && ThreadPool.PendingWorkItemCount == 0 && Interlocked.Read(ref _entries) == entries;
            quiet = idle ? quiet + 1 : 0;
        }
    }

    private void OnChanged(AsyncLocalValueChangedArgs<FlowActivity?> change)
    {
        if (change.PreviousValue is null && change.CurrentValue is not null)
        {
            Interlocked.Increment(ref _running);
            Interlocked.Increment(ref _entries);
        }
        else if (change.PreviousValue is not null && change.CurrentValue is null)
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
