namespace MaestroQA.Client.Models;

/// <summary>A limiter's state at one moment, for display.</summary>
/// <param name="GrantedLastSecond">Permits granted in the last (scaled) second.</param>
/// <param name="GrantedLastMinute">Permits granted in the last (scaled) minute.</param>
/// <param name="Queued">Requests waiting for a permit.</param>
public sealed record RateLimiterSnapshot(int GrantedLastSecond, int GrantedLastMinute, int Queued);
