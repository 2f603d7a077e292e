using System;
using System.IO;
using System.Net.Http;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using MaestroQA.Client.Configuration;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace MaestroQA.Client.Transport;

/// <summary>
/// Builds the resilience pipeline, outermost first: retry -> rate limiter -> per-attempt timeout -> send.
/// Every attempt spends a permit, and queueing for a permit does not eat the attempt's timeout.
/// </summary>
internal static class ResiliencePipelineFactory
{
    public static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new("MaestroQA.Request");
    public static readonly ResiliencePropertyKey<IApiLog> LogKey = new("MaestroQA.Log");

    /// <summary>The permit of the attempt under way, so the transport can say when it met a new connection.</summary>
    public static readonly ResiliencePropertyKey<RateLimitLease> LeaseKey = new("MaestroQA.Lease");

    public static ResiliencePipeline<ApiResponse> Create(MaestroQAClientOptions options, RateLimiter? limiter, TimeSpan? attemptTimeout, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<ApiResponse> { TimeProvider = time };
        if (options.MaxRetryCount > 0)
        {
            builder.AddRetry(CreateRetryOptions(options));
        }
        if (limiter is not null)
        {
            builder.AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = args => AcquireAsync(limiter, args) });
        }

        if (attemptTimeout is TimeSpan timeout)
        {
            builder.AddTimeout(timeout);
        }

        return builder.Build();
    }

    private static RetryStrategyOptions<ApiResponse> CreateRetryOptions(MaestroQAClientOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryCount,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!), options)),

        // The server's Retry-After is honoured whole (Polly's MaxDelay does not cap a DelayGenerator): retrying sooner
        // only meets another 429. A wait longer than the usual cap is said at once; one too long to wait is not retried.
        DelayGenerator = args =>
        {
            if (args.Outcome.Result?.RetryAfter is not TimeSpan retryAfter)
            {
                return new ValueTask<TimeSpan?>((TimeSpan?)null);
            }

            if (retryAfter > options.MaxRetryDelay)
            {
                ApiRequest request = args.Context.Properties.GetValue(RequestKey, null!);
                IApiLog log = args.Context.Properties.GetValue(LogKey, NullApiLog.Instance);
                log.Warning($"{request}: MaestroQA asks to wait {retryAfter.TotalSeconds:0} s before trying again, longer than the usual {options.MaxRetryDelay.TotalSeconds:0} s; waiting.");
            }

            return new ValueTask<TimeSpan?>(retryAfter);
        },
        OnRetry = args =>
        {
            ApiRequest request = args.Context.Properties.GetValue(RequestKey, null!);
            IApiLog log = args.Context.Properties.GetValue(LogKey, NullApiLog.Instance);
            log.Verbose($"{request}: attempt {args.AttemptNumber + 1} failed ({Describe(args.Outcome)}); retrying in {args.RetryDelay.TotalSeconds:0.0#} s.");
            return default;
        },
    };

    private static bool ShouldRetry(Outcome<ApiResponse> outcome, ApiRequest request, MaestroQAClientOptions options)
    {
        if (outcome.Result is ApiResponse response)
        {
            int status = (int)response.StatusCode;
            if (status == 429 && response.RetryAfter is TimeSpan retryAfter && retryAfter > LongestWait(options))
            {
                response.LongestRetryWait = LongestWait(options);
                return false;
            }

            return status == 429 || (request.RetryTransientFailures && (status == 408 || status >= 500));
        }

        return request.RetryTransientFailures && IsTransient(outcome.Exception);
    }

    internal static bool IsTransient(Exception? exception) =>
        exception is TimeoutRejectedException or HttpRequestException or IOException;

    private static async ValueTask<RateLimitLease> AcquireAsync(RateLimiter limiter, RateLimiterArguments args)
    {
        RateLimitLease lease = limiter.AttemptAcquire(1);
        if (!lease.IsAcquired)
        {
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan wait))
            {
                ApiRequest request = args.Context.Properties.GetValue(RequestKey, null!);
                IApiLog log = args.Context.Properties.GetValue(LogKey, NullApiLog.Instance);
                log.Verbose($"{request}: waiting {wait.TotalSeconds:0.00} s for a rate-limit permit ({request.EndpointClass} endpoints).");
            }

            lease.Dispose();
            lease = await limiter.AcquireAsync(1, args.Context.CancellationToken).ConfigureAwait(false);
        }

        args.Context.Properties.Set(LeaseKey, lease);
        return lease;
    }

    private static string Describe(Outcome<ApiResponse> outcome) =>
        outcome.Result is ApiResponse response
            ? $"{(int)response.StatusCode} {response.StatusCode}" + (response.RetryAfter is TimeSpan after ? $", Retry-After {after.TotalSeconds:0.#} s" : string.Empty)
            : outcome.Exception?.GetType().Name + ": " + outcome.Exception?.Message;

    /// <summary>The longest Retry-After waited out: as long as the retries would wait in all at their cap.</summary>
    internal static TimeSpan LongestWait(MaestroQAClientOptions options) => TimeSpan.FromTicks(options.MaxRetryDelay.Ticks * Math.Max(1, options.MaxRetryCount));
}
