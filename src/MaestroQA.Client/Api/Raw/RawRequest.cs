using System;
using System.Collections.Generic;
using MaestroQA.Client.RateLimiting;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Api.Raw;

/// <summary>
/// A request to any route of the API, for what the module does not wrap (Invoke-MqaRequest). It goes through the one
/// request path as every other call: the session's token, limiter, retries and error model.
/// </summary>
/// <param name="Method">GET, POST, PATCH, PUT or DELETE.</param>
/// <param name="Path">Relative to the session's base URI (<c>tickets/T1</c>), or an absolute URI on the session's own host.</param>
public sealed record RawRequest(string Method, string Path)
{
    /// <summary>Added to the path's own query, names and values escaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>UTF-8 JSON (see <see cref="RawJson"/>); null sends no body.</summary>
    public byte[]? JsonBody { get; init; }

    /// <summary>The limit class to pace it by; by default Easy for GET and Demanding for anything else.</summary>
    public EndpointClass? EndpointClass { get; init; }
}

/// <summary>What the server answered a <see cref="RawRequest"/>: its status, headers and (unless it was streamed to a file) body.</summary>
public sealed class RawResponse
{
    internal RawResponse(ApiRequest sent, int statusCode, IReadOnlyDictionary<string, string[]> headers, byte[] body)
    {
        Sent = sent;
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    public int StatusCode { get; }

    public IReadOnlyDictionary<string, string[]> Headers { get; }

    /// <summary>The body as sent; empty when there was none, or when it went to a file.</summary>
    public byte[] Body { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The request as it was checked and sent, for the error that reports a failed answer.</summary>
    internal ApiRequest Sent { get; }

    /// <summary>Whether the body is JSON, by its Content-Type, or by its first character when the server sent none.</summary>
    public bool IsJson =>
        Headers.TryGetValue("Content-Type", out string[]? type) && type.Length > 0
            ? type[0].IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0
            : Body.Length > 0 && Body[0] is (byte)'{' or (byte)'[';
}
