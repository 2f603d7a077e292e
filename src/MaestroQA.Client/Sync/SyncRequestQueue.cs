using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Threading;

namespace MaestroQA.Client.Sync;

/// <summary>
/// The windows of a run waiting to be requested, requested one at a time in the plan's order (each kind's windows
/// oldest first), so the folder's bookmark moves: a window requested anew (its export forgotten) goes before every
/// later one. A later window also waits while an earlier window's export has not been checked yet, since that check may
/// send it here. After a request fails, no other is sent: what refused one would most likely refuse the next, and the
/// next run goes on from the state.
/// </summary>
internal sealed class SyncRequestQueue
{
    private readonly object _gate = new();
    private readonly List<Entry> _waiting = [];
    private readonly List<int> _holds = [];
    private readonly ChangeSignal _changed = new();
    private bool _closed;
    private bool _refused;

    /// <summary>Windows not requested because an earlier request failed.</summary>
    public int NotRequested { get; private set; }

    /// <summary>
    /// Queues <paramref name="job"/>, the plan's <paramref name="order"/>-th; completes with the job as requested, or
    /// with null when it is not requested: another request failed, or the run stopped.
    /// </summary>
    public Task<SyncJob?> RequestAsync(SyncJob job, int order)
    {
        var entry = new Entry(job, order);
        lock (_gate)
        {
            if (_refused)
            {
                NotRequested++;
                entry.Result.TrySetResult(null);
                return entry.Result.Task;
            }

            _waiting.Add(entry);
            Signal();
        }

        return entry.Result.Task;
    }

    /// <summary>Holds back the windows after the plan's <paramref name="order"/>-th until <see cref="Release"/>: its export is unchecked.</summary>
    public void Hold(int order)
    {
        lock (_gate)
        {
            _holds.Add(order);
        }
    }

    public void Release(int order)
    {
        lock (_gate)
        {
            _holds.Remove(order);
            Signal();
        }
    }

    /// <summary>No more windows will come: the loop ends once those waiting are requested.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Signal();
        }
    }

    /// <summary>Requests the waiting windows until closed and empty, through <paramref name="request"/>.</summary>
    public async Task RunAsync(Func<SyncJob, CancellationToken, Task<SyncJob>> request, CancellationToken cancellationToken)
    {
        Task stopped = Task.Delay(Timeout.Infinite, cancellationToken);
        while (true)
        {
            Entry? next;
            Task changed;
            lock (_gate)
            {
                changed = _changed.NextChange();
                next = Next();
                if (next is null && _closed && _waiting.Count == 0)
                {
                    return;
                }

                if (next is not null)
                {
                    _waiting.Remove(next);
                }
            }

            if (next is null)
            {
                await Task.WhenAny(changed, stopped).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    CancelWaiting(counted: false);
                    return;
                }

                continue;
            }

            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                next.Result.TrySetResult(await request(next.Job, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                next.Result.TrySetException(ex);
                CancelWaiting(counted: !cancellationToken.IsCancellationRequested);
            }
        }
    }

    /// <summary>The first waiting window in the plan's order, unless an earlier window's export is still unchecked.</summary>
    private Entry? Next()
    {
        Entry? first = _waiting.OrderBy(entry => entry.Order).FirstOrDefault();
        return first is not null && !_holds.Any(held => held < first.Order) ? first : null;
    }

    private void CancelWaiting(bool counted)
    {
        Entry[] cancelled;
        lock (_gate)
        {
            _refused = true;
            cancelled = [.. _waiting];
            _waiting.Clear();
            if (counted)
            {
                NotRequested += cancelled.Length;
            }
        }

        foreach (Entry entry in cancelled)
        {
            entry.Result.TrySetResult(null);
        }
    }

    private void Signal() => _changed.Changed();

    private sealed class Entry(SyncJob job, int order)
    {
        public SyncJob Job { get; } = job;

        public int Order { get; } = order;

        public TaskCompletionSource<SyncJob?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
