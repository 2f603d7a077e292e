using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace MaestroQA.Client.RateLimiting;

/// <summary>A request queued in <see cref="ApiRateLimiter"/>; its task completes when it is granted, cancelled or abandoned.</summary>
internal sealed class PermitWaiter : TaskCompletionSource<RateLimitLease>
{
    // Continuations run on the thread pool, never inside the limiter's lock or timer callback.
    public PermitWaiter(int permitCount)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        PermitCount = permitCount;
        Node = new LinkedListNode<PermitWaiter>(this);
    }

    public int PermitCount { get; }

    /// <summary>Its place in the queue; detached once granted, cancelled or abandoned.</summary>
    public LinkedListNode<PermitWaiter> Node { get; }

    public CancellationTokenRegistration Registration { get; set; }

    public void Complete(PermitLease lease)
    {
        Registration.Dispose();
        TrySetResult(lease);
    }
}
