using System.Threading.Tasks;

namespace MaestroQA.Client.Threading;

/// <summary>
/// Wakes a loop that waits for something it watches to change. The loop takes <see cref="NextChange"/> before it
/// looks (under the lock that guards what it watches), so a change made while it looks is not missed.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource<bool> _changed = New();

    /// <summary>A task that completes at the first change from now on (at once, when one came since the last call).</summary>
    public Task NextChange()
    {
        if (_changed.Task.IsCompleted)
        {
            _changed = New();
        }

        return _changed.Task;
    }

    public void Changed() => _changed.TrySetResult(true);

    private static TaskCompletionSource<bool> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
