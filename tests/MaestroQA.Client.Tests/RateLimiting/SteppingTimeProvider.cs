using Microsoft.Extensions.Time.Testing;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>
/// A fake clock (its time kept by a <see cref="FakeTimeProvider"/>) that stops at every timer's due time while
/// advancing, so callbacks read the exact time, and that tells when the next timer is due. Timers may be set and
/// changed from any thread while it advances: a due time is read off the same clock it is compared with, and
/// callbacks run outside its lock. Supports one-shot timers (the limiter's, Task.Delay's).
/// </summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _fake;
    private readonly DateTimeOffset _start;
    private readonly object _gate = new();
    private readonly List<SteppingTimer> _armed = [];
    private long _sequence;

    public SteppingTimeProvider()
        : this(new FakeTimeProvider().GetUtcNow())
    {
    }

    public SteppingTimeProvider(DateTimeOffset start)
    {
        _fake = new FakeTimeProvider(start);
        _start = start;
    }

    /// <summary>Time since this clock was created.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return _fake.GetUtcNow() - _start;
            }
        }
    }

    public TimeSpan? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count == 0 ? null : _armed.Min(timer => timer.Due);
            }
        }
    }

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public void Advance(TimeSpan delta) => AdvanceTo(Elapsed + delta);

    /// <summary>Moves to <paramref name="target"/>, stopping at each timer due by then (in due order) to run it.</summary>
    public void AdvanceTo(TimeSpan target)
    {
        while (true)
        {
            (SteppingTimer Timer, long Sequence) due;
            lock (_gate)
            {
                SteppingTimer? next = _armed.Where(timer => timer.Due <= target).OrderBy(timer => timer.Due).ThenBy(timer => timer.Sequence).FirstOrDefault();
                if (next is null)
                {
                    MoveTo(target);
                    return;
                }

                MoveTo(next.Due);
                due = (next, Disarm(next));
            }

            due.Timer.Fire(due.Sequence);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Never backwards: a target already passed leaves the time as it is.</summary>
    private void MoveTo(TimeSpan elapsed)
    {
        if (_start + elapsed > _fake.GetUtcNow())
        {
            _fake.SetUtcNow(_start + elapsed);
        }
    }

    /// <returns>The arming the timer had, so that a firing it outlived (changed meanwhile) is dropped.</returns>
    private long Disarm(SteppingTimer timer)
    {
        _armed.Remove(timer);
        return timer.Sequence;
    }

    /// <returns>True when due at once: the caller fires it, outside the lock.</returns>
    private bool Arm(SteppingTimer timer, TimeSpan dueTime, out long sequence)
    {
        lock (_gate)
        {
            _armed.Remove(timer);
            sequence = timer.Sequence = ++_sequence;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return false;
            }

            if (dueTime <= TimeSpan.Zero)
            {
                return true;
            }

            timer.Due = _fake.GetUtcNow() - _start + dueTime;
            _armed.Add(timer);
            return false;
        }
    }

    private bool IsCurrent(SteppingTimer timer, long sequence)
    {
        lock (_gate)
        {
            return timer.Sequence == sequence;
        }
    }

    private sealed class SteppingTimer(SteppingTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        /// <summary>Set under the clock's lock.</summary>
        public TimeSpan Due { get; set; }

        /// <summary>Which arming this is: every Change and Dispose makes a new one.</summary>
        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan)
            {
                throw new NotSupportedException("Only one-shot timers can be stepped.");
            }

            if (clock.Arm(this, dueTime, out long sequence))
            {
                Fire(sequence);
            }

            return true;
        }

        public void Fire(long sequence)
        {
            if (clock.IsCurrent(this, sequence))
            {
                callback(state);
            }
        }

        public void Dispose() => clock.Arm(this, Timeout.InfiniteTimeSpan, out _);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
