using System;
using System.IO;
using System.Net.Http;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using Polly;
using Polly.Timeout;

namespace MaestroQA.Client.Transport;

/// <summary>
/// Which outcomes are retried, and for how long: pure rules over an outcome and what the call has used so far, so the
/// pipeline applies them and the error mapper explains them from one place.
/// </summary>
internal static class RetryRules
{
    /// <summary>
    /// 408, 5xx and network failures are retried up to MaxRetryCount times where the request allows it (a request
    /// that may have been applied is not). A 429 is retried whatever the request, for as long as
    /// <see cref="RefusalBudget"/> from the first one: the server refused before doing anything, and someone else's
    /// requests in its window leave on their own time, not after a count of tries.
    /// </summary>
    public static bool ShouldRetry(Outcome<ApiResponse> outcome, CallState call, MaestroQAClientOptions options, RateLimitPolicy? limits, TimeProvider time)
    {
        if (outcome.Result is ApiResponse response)
        {
            int status = (int)response.StatusCode;
            if (status == 429)
            {
                TimeSpan budget = RefusalBudget(options, limits);
                bool waitable = response.RetryAfter is not TimeSpan retryAfter || retryAfter <= budget;
                return waitable && (call.FirstRefusal is not long first || time.GetElapsedTime(first) < budget);
            }

            return call.Request.RetryTransientFailures && (status == 408 || status >= 500) && call.TransientRetries < options.MaxRetryCount;
        }

        return call.Request.RetryTransientFailures && IsTransient(outcome.Exception) && call.TransientRetries < options.MaxRetryCount;
    }

    /// <summary>Notes what a retry about to happen uses up.</summary>
    public static void Record(Outcome<ApiResponse> outcome, CallState call, TimeProvider time)
    {
        if (outcome.Result is ApiResponse { StatusCode: (System.Net.HttpStatusCode)429 })
        {
            call.FirstRefusal ??= time.GetTimestamp();
        }
        else
        {
            call.TransientRetries++;
        }
    }

    /// <summary>
    /// How long 429s are retried for, from the first: the longer of two of the class's minute windows (the documented
    /// window must have freed of anyone else's requests, with time to spare) and the usual retries' total wait.
    /// A Retry-After longer than this is not waited: the call fails at once, saying so.
    /// </summary>
    public static TimeSpan RefusalBudget(MaestroQAClientOptions options, RateLimitPolicy? limits)
    {
        TimeSpan retries = TimeSpan.FromTicks(options.MaxRetryDelay.Ticks * Math.Max(1, options.MaxRetryCount));
        TimeSpan windows = limits is null ? TimeSpan.Zero : TimeSpan.FromTicks(limits.MinuteWindow.Ticks * 2);
        return retries > windows ? retries : windows;
    }

    public static bool IsTransient(Exception? exception) =>
        exception is TimeoutRejectedException or HttpRequestException or IOException;
}
