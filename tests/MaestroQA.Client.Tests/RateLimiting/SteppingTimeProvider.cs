using Microsoft.Extensions.Time.Testing;

namespace MaestroQA.Client.Tests.RateLimiting;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that stops at every timer's due time while advancing, so callbacks read the exact
/// time (FakeTimeProvider shows them the end of the advance), and that tells when the next timer is due.
/// Supports the one-shot timers the limiter uses.
/// </summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _fake = new();
    private readonly DateTimeOffset _start;
    private readonly List<SteppingTimer> _timers = [];

    public SteppingTimeProvider() => _start = _fake.GetUtcNow();

    /// <summary>Time since this clock was created.</summary>
    public TimeSpan Elapsed => _fake.GetUtcNow() - _start;

    public TimeSpan? NextDue => _timers.Min(timer => timer.Due);

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public void Advance(TimeSpan delta) => AdvanceTo(Elapsed + delta);

    public void AdvanceTo(TimeSpan target)
    {
        while (NextDue is TimeSpan due && due <= target)
        {
            _fake.SetUtcNow(_start + due);
        }

        _fake.SetUtcNow(_start + target);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppingTimer(this, callback, state);
        _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SteppingTimer : ITimer
    {
        private readonly SteppingTimeProvider _clock;
        private readonly ITimer _inner;

        public SteppingTimer(SteppingTimeProvider clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _inner = clock._fake.CreateTimer(
                callbackState =>
                {
                    Due = null;
                    callback(callbackState);
                },
                state,
                Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
        }

        public TimeSpan? Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan)
            {
                throw new NotSupportedException("Only one-shot timers can be stepped.");
            }

            Due = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.Elapsed + dueTime;
            return _inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Due = null;
            _inner.Dispose();
            _clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
