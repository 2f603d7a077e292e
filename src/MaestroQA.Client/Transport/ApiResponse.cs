using System;
using System.Collections.Generic;
using System.Net;

namespace MaestroQA.Client.Transport;

/// <summary>A buffered response: the body is read inside the attempt, so a connection reset mid-body is retried too.</summary>
internal sealed class ApiResponse
{
    private static readonly IReadOnlyDictionary<string, string[]> NoHeaders = new Dictionary<string, string[]>();

    public ApiResponse(HttpStatusCode statusCode, byte[] body, TimeSpan? retryAfter, IReadOnlyDictionary<string, string[]>? headers = null, bool isTruncated = false)
    {
        StatusCode = statusCode;
        Body = body;
        RetryAfter = retryAfter;
        Headers = headers ?? NoHeaders;
        IsTruncated = isTruncated;
    }

    public HttpStatusCode StatusCode { get; }

    public byte[] Body { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Response and content headers, case-insensitive, as the last attempt received them.</summary>
    public IReadOnlyDictionary<string, string[]> Headers { get; }

    /// <summary>The body was longer than the response cap and holds only its start (see ApiRequest.KeepsOversizedSuccess).</summary>
    public bool IsTruncated { get; }

    /// <summary>How many attempts it took; a 409 after a failed first attempt means that attempt landed.</summary>
    public int Attempts { get; private init; } = 1;

    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public ApiResponse WithAttempts(int attempts) => new(StatusCode, Body, RetryAfter, Headers, IsTruncated) { Attempts = attempts };
}
