using System;
using System.Threading.Tasks;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.RateLimiting;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;

namespace MaestroQA.Client.Transport;

/// <summary>
/// Builds the resilience pipeline, outermost first: retry -> rate limiter -> per-attempt timeout -> send.
/// Every attempt spends a permit, and queueing for a permit does not eat the attempt's timeout.
/// </summary>
internal static class ResiliencePipelineFactory
{
    public static ResiliencePipeline<ApiResponse> Create(MaestroQAClientOptions options, ApiRateLimiter? limiter, TimeSpan? attemptTimeout, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<ApiResponse> { TimeProvider = time };
        if (options.MaxRetryCount > 0)
        {
            builder.AddRetry(CreateRetryOptions(options, limiter, time));
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

    private static RetryStrategyOptions<ApiResponse> CreateRetryOptions(MaestroQAClientOptions options, ApiRateLimiter? limiter, TimeProvider time) => new()
    {
        // RetryRules decides how many: a count for transient failures, a time for 429s.
        MaxRetryAttempts = int.MaxValue,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => new ValueTask<bool>(RetryRules.ShouldRetry(args.Outcome, Call(args.Context), options, limiter?.Policy, time)),

        // The server's Retry-After is honoured whole (Polly's MaxDelay does not cap a DelayGenerator): retrying sooner
        // only meets another 429. The limiter holds the class longer still when a 429 says someone else used the window.
        DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
        OnRetry = args =>
        {
            CallState call = Call(args.Context);
            RetryRules.Record(args.Outcome, call, time);
            call.Log.Verbose($"{call.Request}: attempt {args.AttemptNumber + 1} failed ({Describe(args.Outcome)}); retrying in {args.RetryDelay.TotalSeconds:0.0#} s.");
            return default;
        },
    };

    private static async ValueTask<System.Threading.RateLimiting.RateLimitLease> AcquireAsync(ApiRateLimiter limiter, RateLimiterArguments args)
    {
        CallState call = Call(args.Context);
        PermitLease lease = limiter.TryAcquirePermit();
        if (!lease.IsAcquired)
        {
            if (lease.RetryAfter is TimeSpan wait)
            {
                call.Log.Verbose($"{call.Request}: waiting {wait.TotalSeconds:0.00} s for a rate-limit permit ({call.Request.EndpointClass} endpoints).");
            }

            lease.Dispose();
            lease = await limiter.AcquirePermitAsync(args.Context.CancellationToken).ConfigureAwait(false);
        }

        call.Lease = lease;
        return lease;
    }

    private static CallState Call(ResilienceContext context) => context.Properties.GetValue(CallState.Key, null!);

    private static string Describe(Outcome<ApiResponse> outcome) =>
        outcome.Result is ApiResponse response
            ? $"{(int)response.StatusCode} {response.StatusCode}" + (response.RetryAfter is TimeSpan after ? $", Retry-After {after.TotalSeconds:0.#} s" : string.Empty)
            : outcome.Exception?.GetType().Name + ": " + outcome.Exception?.Message;
}
