using System.Net;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using MaestroQA.Client.Transport;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace MaestroQA.Client.Tests.Transport;

/// <summary>Which outcomes are retried, and for how long: 429s for a time, failures for a count.</summary>
public sealed class RetryRulesTests
{
    private static readonly MaestroQAClientOptions Options = new(new ApiToken("mqa-test-token-0001"));
    private static readonly RateLimitPolicy Demanding = RateLimitPolicy.Demanding;
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void The429Budget_IsTwoMinuteWindows_OrTheRetriesUsualTotal_WhicheverIsLonger()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RetryRules.RefusalBudget(Options, Demanding)); // 5 retries of at most 60 s
        Assert.Equal(TimeSpan.FromMinutes(2), RetryRules.RefusalBudget(Options with { MaxRetryCount = 1 }, Demanding));
        Assert.Equal(TimeSpan.FromSeconds(12), RetryRules.RefusalBudget(Options with { MaxRetryCount = 1, MaxRetryDelay = TimeSpan.FromSeconds(1) }, Demanding with { WindowScale = 0.1 }));
    }

    [Fact]
    public void A429_IsRetriedForTheBudget_HoweverManyTimes_AndNotAfter()
    {
        var call = new CallState(new ApiRequest(HttpMethod.Post, "request-raw-export", EndpointClass.Demanding), NullApiLog.Instance);
        Outcome<ApiResponse> refused = Outcome.FromResult(new ApiResponse(HttpStatusCode.TooManyRequests, [], TimeSpan.FromSeconds(1)));

        for (int retry = 0; retry < 20; retry++)
        {
            Assert.True(RetryRules.ShouldRetry(refused, call, Options, Demanding, _clock), $"retry {retry + 1}");
            RetryRules.Record(refused, call, _clock);
            _clock.Advance(TimeSpan.FromSeconds(14));
        }

        _clock.Advance(TimeSpan.FromSeconds(20)); // 300 s since the first refusal
        Assert.False(RetryRules.ShouldRetry(refused, call, Options, Demanding, _clock));
        Assert.Equal(0, call.TransientRetries);
    }

    [Fact]
    public void A429AskingForLongerThanTheBudget_IsNotWaited()
    {
        var call = new CallState(new ApiRequest(HttpMethod.Get, "get-export-data", EndpointClass.Easy), NullApiLog.Instance);

        Assert.False(RetryRules.ShouldRetry(Outcome.FromResult(new ApiResponse(HttpStatusCode.TooManyRequests, [], TimeSpan.FromMinutes(6))), call, Options, Demanding, _clock));
        Assert.True(RetryRules.ShouldRetry(Outcome.FromResult(new ApiResponse(HttpStatusCode.TooManyRequests, [], TimeSpan.FromMinutes(5))), call, Options, Demanding, _clock));
    }

    [Fact]
    public void AServerError_IsRetriedUpToMaxRetryCount_OnlyWhereTheRequestAllows()
    {
        var read = new CallState(new ApiRequest(HttpMethod.Get, "get-export-data", EndpointClass.Easy) { RetryTransientFailures = true }, NullApiLog.Instance);
        var write = new CallState(new ApiRequest(HttpMethod.Post, "request-raw-export", EndpointClass.Demanding), NullApiLog.Instance);
        Outcome<ApiResponse> failed = Outcome.FromResult(new ApiResponse(HttpStatusCode.ServiceUnavailable, [], retryAfter: null));

        for (int retry = 0; retry < Options.MaxRetryCount; retry++)
        {
            Assert.True(RetryRules.ShouldRetry(failed, read, Options, Demanding, _clock));
            RetryRules.Record(failed, read, _clock);
        }

        Assert.False(RetryRules.ShouldRetry(failed, read, Options, Demanding, _clock));
        Assert.False(RetryRules.ShouldRetry(failed, write, Options, Demanding, _clock));
        Assert.False(RetryRules.ShouldRetry(Outcome.FromException<ApiResponse>(new HttpRequestException("reset")), write, Options, Demanding, _clock));
    }
}
