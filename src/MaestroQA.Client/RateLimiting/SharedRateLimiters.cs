using System;
using System.Collections.Concurrent;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.RateLimiting;

/// <summary>
/// One limiter per token and endpoint class for the whole process, so sessions, runspaces and jobs that use one token
/// draw on one budget, as the server counts it. When they ask for different limits, the strictest holds for all
/// (<see cref="ApiRateLimiter.Tighten"/>). Only a different WindowScale, a test's clock, gets a limiter of its own.
/// </summary>
public static class SharedRateLimiters
{
    private static readonly ConcurrentDictionary<(string TokenKey, EndpointClass EndpointClass, double WindowScale), Lazy<ApiRateLimiter>> Limiters = new();

    /// <param name="tokenKey">A one-way hash of the token, never the token itself: keys live as long as the process.</param>
    /// <param name="endpointClass">The tier the limiter guards.</param>
    /// <param name="policy">The limits this caller asks for; the limiter keeps to these and to every stricter one asked before.</param>
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
        ApiRateLimiter limiter = Limiters.GetOrAdd((tokenKey, endpointClass, policy.WindowScale), _ => new Lazy<ApiRateLimiter>(() => new ApiRateLimiter(policy, time))).Value;
        limiter.Tighten(policy);
        return limiter;
    }

    /// <summary>The limits that hold for a token's endpoint class now, if any session of the token made a limiter.</summary>
    public static RateLimitPolicy? CurrentPolicy(string tokenKey, EndpointClass endpointClass, double windowScale) =>
        Limiters.TryGetValue((tokenKey, endpointClass, windowScale), out Lazy<ApiRateLimiter>? limiter) && limiter.IsValueCreated ? limiter.Value.Policy : null;
}
