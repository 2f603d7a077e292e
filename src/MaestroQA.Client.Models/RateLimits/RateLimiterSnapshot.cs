using System;

namespace MaestroQA.Client.Models;

/// <summary>A limiter's state at one moment, for display.</summary>
/// <param name="GrantedLastSecond">Permits granted in the last (scaled) second.</param>
/// <param name="GrantedLastMinute">Permits granted in the last (scaled) minute.</param>
/// <param name="Queued">Requests waiting for a permit.</param>
/// <param name="Limits">The limits that hold: the strictest any session of this token asked for.</param>
/// <param name="JitterAllowance">How much the windows are widened, beyond the margin, for the spread in requests' travel times.</param>
public sealed record RateLimiterSnapshot(int GrantedLastSecond, int GrantedLastMinute, int Queued, RateLimitPolicy Limits, TimeSpan JitterAllowance)
{
    /// <summary>How long no request of the class is sent yet, because MaestroQA refused one these limits allowed (another client shares the token).</summary>
    public TimeSpan HeldFor { get; init; }
}
