using System.Diagnostics;

namespace MaestroQA.MockServer;

/// <summary>
/// The one clock of the server. Request records, rate-limit windows and export timings all read it,
/// so they agree to the millisecond; wall time is derived from the monotonic stopwatch for the same reason.
/// </summary>
internal sealed class ServerClock
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private readonly DateTime _startedUtc = DateTime.UtcNow;

    public double ElapsedMs => _stopwatch.Elapsed.TotalMilliseconds;

    public DateTime UtcNow => UtcAt(ElapsedMs);

    public DateTime UtcAt(double elapsedMs) =>
        _startedUtc.AddTicks((long)(elapsedMs * TimeSpan.TicksPerMillisecond));
}
