using System;
using System.Net;

namespace MaestroQA.Client.Transport;

/// <summary>A buffered response: the body is read inside the attempt, so a connection reset mid-body is retried too.</summary>
internal sealed class ApiResponse
{
    public ApiResponse(HttpStatusCode statusCode, byte[] body, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        Body = body;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public byte[] Body { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>How many attempts it took; a 409 after a failed first attempt means that attempt landed.</summary>
    public int Attempts { get; set; } = 1;

    /// <summary>Set on a 429 whose Retry-After was longer than the module waits out: the longest it does (ResiliencePipelineFactory.LongestWait).</summary>
    public TimeSpan? LongestRetryWait { get; set; }

    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
