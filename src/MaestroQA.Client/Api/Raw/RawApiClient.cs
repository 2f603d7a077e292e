using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Api.Raw;

/// <summary>
/// Any route of the API through the session (Invoke-MqaRequest): the same token header, limiter, Retry-After handling,
/// redirects, response cap and error model as every typed call. What it checks before anything is sent: the method,
/// that an absolute URI is on the session's own host, and that the caller brings no token of their own (the session
/// owns it). 429 is always waited out and retried; 5xx and network faults only for GET, PUT and DELETE, since a POST
/// or PATCH may have been applied.
/// </summary>
public sealed class RawApiClient
{
    private const string TokenHeader = "apitoken";
    private const string TokenBodyField = "apiToken";
    private static readonly string[] Methods = ["GET", "POST", "PATCH", "PUT", "DELETE"];
    private static readonly string[] RetriedMethods = ["GET", "PUT", "DELETE"];

    private readonly MaestroQAClient _client;

    public RawApiClient(MaestroQAClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>The answer, whatever its status: the caller decides what a 4xx or 5xx means (see <see cref="EnsureSuccess"/>).</summary>
    /// <exception cref="MaestroQAInputException">InvalidRequest: the request may not be sent as it is.</exception>
    public async Task<RawResponse> SendAsync(RawRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest call = Prepare(request);
        ApiResponse response = await _client.Transport.SendAsync(call, _client.Log, cancellationToken).ConfigureAwait(false);
        return new RawResponse(call, (int)response.StatusCode, response.Headers, response.Body);
    }

    /// <summary>
    /// As <see cref="SendAsync"/>, with a successful answer's body streamed whole (not capped) into <paramref name="path"/>,
    /// which appears only once it is complete (<see cref="AtomicFile"/>) and replaces what was there; an error's body
    /// is read as usual and no file is written. The folder is checked writable before anything is sent.
    /// </summary>
    /// <exception cref="ExportFileException">The file cannot be written there.</exception>
    public async Task<RawResponse> SendToFileAsync(RawRequest request, string path, CancellationToken cancellationToken = default)
    {
        ApiRequest call = Prepare(request);
        string full = Path.GetFullPath(path);
        using AtomicFile file = FileStep.Run(full, () => AtomicFile.Create(Path.GetDirectoryName(full)!, Path.GetFileName(full)));
        ApiResponse response = await _client.Transport.SendToStreamAsync(call, file.Stream, _client.Log, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            FileStep.Run(full, () => file.Commit(full, overwrite: true));
        }

        return new RawResponse(call, (int)response.StatusCode, response.Headers, response.Body);
    }

    /// <summary>Throws for a 4xx or 5xx answer, as every other call reports one.</summary>
    /// <exception cref="MaestroQAApiException">The answer is not a success.</exception>
    public void EnsureSuccess(RawResponse response)
    {
        if (!response.IsSuccess)
        {
            _client.EnsureSuccess(response.Sent, new ApiResponse((System.Net.HttpStatusCode)response.StatusCode, response.Body, retryAfter: null, response.Headers), raw: true);
        }
    }

    private ApiRequest Prepare(RawRequest request)
    {
        string method = request.Method.Trim().ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            throw Refused($"-Method {request.Method} is not one of {string.Join(", ", Methods)}.", "Method", request.Method);
        }

        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            if (string.Equals(header.Key, TokenHeader, StringComparison.OrdinalIgnoreCase))
            {
                throw Refused($"-Headers may not hold '{TokenHeader}': the session sends its own token, and only to MaestroQA; nothing was sent.", "Headers", header.Key);
            }

            RequestValues.FromUser(header.Key, "Headers");
            RequestValues.FromUser(header.Value, "Headers");
        }

        if (request.Query.Any(pair => string.Equals(pair.Key, TokenBodyField, StringComparison.OrdinalIgnoreCase)))
        {
            throw Refused($"-Query may not hold '{TokenBodyField}': the session sends its own token in a header; nothing was sent.", "Query", TokenBodyField);
        }

        if (request.JsonBody is byte[] body && HoldsToken(body))
        {
            throw Refused($"-Body may not hold '{TokenBodyField}': the session sends its own token in a header; nothing was sent.", "Body", TokenBodyField);
        }

        if (method == "GET" && request.JsonBody is not null && !CanSendBodyWithGet)
        {
            throw Refused("Windows PowerShell cannot send a body with GET; give the values in -Query or -Headers instead. Nothing was sent.", "Body", null);
        }

        EndpointClass endpointClass = request.EndpointClass ?? (method == "GET" ? RateLimiting.EndpointClass.Easy : RateLimiting.EndpointClass.Demanding);
        return new ApiRequest(new HttpMethod(method), RelativeTarget(request), endpointClass)
        {
            JsonBody = request.JsonBody,
            Headers = request.Headers,
            RetryTransientFailures = RetriedMethods.Contains(method),
        };
    }

    /// <summary>The path with its query, relative to the base (or, starting with '/', to the base's host).</summary>
    private string RelativeTarget(RawRequest request)
    {
        Uri baseUri = _client.Transport.BaseUri;
        string path = request.Path.Trim();
        RequestValues.FromUser(path, "Path");
        string target;
        if (AbsoluteOf(path, baseUri) is Uri absolute)
        {
            if (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps)
            {
                throw Refused($"-Path '{path}' reads as a URI of scheme '{absolute.Scheme}'; give a path relative to the session's BaseUri (agents, tickets/T-1) or an https:// URI on its host. Nothing was sent.", "Path", path);
            }

            if (Uri.Compare(absolute, baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw Refused($"-Path {Configuration.BaseUris.Redact(absolute)} is not on the session's host ({baseUri.GetLeftPart(UriPartial.Authority)}): the token goes only there. Nothing was sent.", "Path", Configuration.BaseUris.Redact(absolute));
            }

            target = absolute.PathAndQuery;
        }
        else
        {
            // '/api/v1/tickets' names the base's own path; '/tickets' is as relative as 'tickets'.
            target = path.StartsWith("/", StringComparison.Ordinal) && !path.StartsWith(baseUri.AbsolutePath, StringComparison.Ordinal) ? path.TrimStart('/') : path;
        }

        int queryStart = target.IndexOf('?');
        if (queryStart >= 0 && target.Substring(queryStart + 1).Split('&').Any(pair => string.Equals(Uri.UnescapeDataString(pair.Split('=')[0]), TokenBodyField, StringComparison.OrdinalIgnoreCase)))
        {
            throw Refused($"-Path may not hold '{TokenBodyField}' in its query: the session sends its own token in a header; nothing was sent.", "Path", TokenBodyField);
        }

        if (request.Query.Count == 0)
        {
            return target;
        }

        var query = new StringBuilder(target).Append(target.IndexOf('?') < 0 ? '?' : '&');
        query.Append(string.Join("&", request.Query.Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value))));
        return query.ToString();
    }

    /// <summary>
    /// The URI <paramref name="path"/> names outright: an absolute one, or '//host/…' on the base's scheme; null for a
    /// path. ('/tickets' parses as a file URI on Unix: a leading single slash is always a path.)
    /// </summary>
    private static Uri? AbsoluteOf(string path, Uri baseUri)
    {
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            return Uri.TryCreate(baseUri.Scheme + ":" + path, UriKind.Absolute, out Uri? networkPath) ? networkPath : null;
        }

        return !path.StartsWith("/", StringComparison.Ordinal) && Uri.TryCreate(path, UriKind.Absolute, out Uri? absolute) ? absolute : null;
    }

    private static bool HoldsToken(byte[] body)
    {
        try
        {
            return RawJson.HasTopLevelMember(body, TokenBodyField);
        }
        catch (JsonException)
        {
            return false; // not JSON: checked by whoever made it; nothing to find in it
        }
    }

#if NET
    private const bool CanSendBodyWithGet = true;
#else
    // .NET Framework's HttpClient refuses a content body with GET.
    private const bool CanSendBodyWithGet = false;
#endif

    private static MaestroQAInputException Refused(string message, string parameter, object? value) =>
        new(InputProblem.InvalidRequest, message, parameter, value);
}
