using System;
using System.Collections.Concurrent;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.RateLimiting;

/// <summary>
/// One limiter per token, endpoint class and policy for the whole process, so sessions, runspaces and jobs
/// that use one token draw on one budget, as the server counts it.
/// </summary>
public static class SharedRateLimiters
{
    private static readonly ConcurrentDictionary<(string TokenKey, EndpointClass EndpointClass, RateLimitPolicy Policy), Lazy<ApiRateLimiter>> Limiters = new();

    /// <param name="tokenKey">A one-way hash of the token, never the token itself: keys live as long as the process.</param>
    /// <param name="endpointClass">The tier the limiter guards.</param>
    /// <param name="policy">The tier's limits.</param>
    /// <param name="time">The clock for a limiter this call creates; an existing limiter keeps its own.</param>
    public static ApiRateLimiter GetOrCreate(string tokenKey, EndpointClass endpointClass, RateLimitPolicy policy, TimeProvider? time = null)
    {
        if (string.IsNullOrEmpty(tokenKey))
        {
            throw new ArgumentException("The token key is empty.", nameof(tokenKey));
        }

        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        // Lazy, because GetOrAdd may run the factory twice under contention, and each limiter owns a timer.
        return Limiters.GetOrAdd((tokenKey, endpointClass, policy), _ => new Lazy<ApiRateLimiter>(() => new ApiRateLimiter(policy, time))).Value;
    }
}
