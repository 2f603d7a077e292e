using System;
using System.Collections.Generic;
using System.Net.Http;
using MaestroQA.Client.RateLimiting;

namespace MaestroQA.Client.Transport;

/// <summary>One API call, described once; the transport builds a fresh HttpRequestMessage from it for every attempt.</summary>
internal sealed class ApiRequest
{
    public ApiRequest(HttpMethod method, string relativePath, EndpointClass endpointClass)
    {
        Method = method;
        RelativePath = relativePath;
        EndpointClass = endpointClass;
    }

    private ApiRequest(Uri downloadUri)
    {
        Method = HttpMethod.Get;
        DownloadUri = downloadUri;
        RelativePath = downloadUri.GetLeftPart(UriPartial.Path);
        RetryTransientFailures = true;
    }

    public HttpMethod Method { get; }

    /// <summary>
    /// Relative to the session's base URI (it may carry a query); one that starts with '/' is relative to the base's
    /// host. For a download, the URL without its (secret) query.
    /// </summary>
    public string RelativePath { get; }

    /// <summary>Null for downloads: they go to storage, outside the API's limits.</summary>
    public EndpointClass? EndpointClass { get; }

    /// <summary>A presigned storage URL: fetched without the token.</summary>
    public Uri? DownloadUri { get; }

    /// <summary>UTF-8 JSON, serialized once and reused by every attempt.</summary>
    public byte[]? JsonBody { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// Whether a 408/5xx/network failure may be retried. A 429 always may: the server refused before doing anything.
    /// </summary>
    public bool RetryTransientFailures { get; init; }

    /// <summary>
    /// A 2xx answer longer than the response cap is kept up to the cap (<see cref="ApiResponse.IsTruncated"/>) rather
    /// than refused: for a write MaestroQA applied whatever the size of its echo.
    /// </summary>
    public bool KeepsOversizedSuccess { get; init; }

    /// <summary>Requests an export: a failure on the way may have made one, which errors say (they are not retried).</summary>
    public bool MakesExport { get; init; }

    public static ApiRequest Download(Uri dataUrl) => new(dataUrl);

    /// <summary>The path without its query (ids and filters stay out of logs).</summary>
    public string Route
    {
        get
        {
            int query = RelativePath.IndexOf('?');
            return query < 0 ? RelativePath : RelativePath.Substring(0, query);
        }
    }

    /// <summary>"GET get-export-data": what messages and logs name.</summary>
    public override string ToString() => $"{Method} {Route}";
}
