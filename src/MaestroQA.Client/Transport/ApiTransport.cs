using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using Polly;
using Polly.Timeout;

namespace MaestroQA.Client.Transport;

/// <summary>
/// The one request path: every API call and every download goes through here.
/// Long-lived per session; the HttpClient and the rate limiters it uses are shared process-wide.
/// </summary>
public sealed class ApiTransport
{
    private const string TokenHeader = "apitoken";
    private const int MaxDownloadRedirects = 5;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly MaestroQAClientOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<ApiResponse> _demandingPipeline;
    private readonly ResiliencePipeline<ApiResponse> _easyPipeline;
    private readonly ResiliencePipeline<ApiResponse> _downloadPipeline;

    public ApiTransport(MaestroQAClientOptions options, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        _http = HttpClientCache.Get(options.BaseUri, options.Proxy);
        DemandingLimiter = SharedRateLimiters.GetOrCreate(options.Token.LimiterKey, EndpointClass.Demanding, options.DemandingLimit);
        EasyLimiter = SharedRateLimiters.GetOrCreate(options.Token.LimiterKey, EndpointClass.Easy, options.EasyLimit);
        _demandingPipeline = ResiliencePipelineFactory.Create(options, DemandingLimiter, options.AttemptTimeout, _time);
        _easyPipeline = ResiliencePipelineFactory.Create(options, EasyLimiter, options.AttemptTimeout, _time);

        // A download's length is unknown up front, so it gets no per-attempt timeout; Ctrl+C still stops it.
        _downloadPipeline = ResiliencePipelineFactory.Create(options, limiter: null, attemptTimeout: null, _time);
    }

    public MaestroQAClientOptions Options => _options;

    public ApiRateLimiter DemandingLimiter { get; }

    public ApiRateLimiter EasyLimiter { get; }

    internal async Task<ApiResponse> SendAsync(ApiRequest request, IApiLog log, CancellationToken cancellationToken)
    {
        ResiliencePipeline<ApiResponse> pipeline = request.EndpointClass == EndpointClass.Demanding ? _demandingPipeline : _easyPipeline;
        return await ExecuteAsync(pipeline, request, log, ReadBufferedAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams a presigned export URL into <paramref name="destination"/>, never with the token.</summary>
    internal async Task<long> DownloadAsync(Uri dataUrl, Stream destination, Action<long, long?>? progress, IApiLog log, CancellationToken cancellationToken)
    {
        ApiRequest request = ApiRequest.Download(dataUrl);
        long written = 0;
        async Task<byte[]> CopyAsync(HttpResponseMessage response, CancellationToken token)
        {
            // A retry starts over: never append a second attempt to a partial first one.
            destination.SetLength(0);
            written = await DownloadCopier.CopyAsync(response, destination, progress, _options.AttemptTimeout, token).ConfigureAwait(false);
            return [];
        }

        ApiResponse result = await ExecuteAsync(_downloadPipeline, request, log, CopyAsync, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(request, result);
        return written;
    }

    internal static void EnsureSuccess(ApiRequest request, ApiResponse response)
    {
        if (!response.IsSuccess)
        {
            throw ApiErrorMapper.FromResponse(request, response);
        }
    }

    private async Task<ApiResponse> ExecuteAsync(
        ResiliencePipeline<ApiResponse> pipeline,
        ApiRequest request,
        IApiLog log,
        Func<HttpResponseMessage, CancellationToken, Task<byte[]>> readSuccessBody,
        CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelineFactory.RequestKey, request);
        context.Properties.Set(ResiliencePipelineFactory.LogKey, log);
        int attempts = 0;
        try
        {
            ApiResponse response = await pipeline.ExecuteAsync(
                async ctx =>
                {
                    attempts++;
                    return await SendOnceAsync(request, readSuccessBody, ctx).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
            response.Attempts = attempts;
            return response;
        }
        catch (TimeoutRejectedException ex)
        {
            throw ApiErrorMapper.FromTimeout(request, _options.AttemptTimeout, ex);
        }
        catch (DownloadStalledException stalled) when (!cancellationToken.IsCancellationRequested)
        {
            throw ApiErrorMapper.FromStall(request, stalled);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ResiliencePipelineFactory.IsTransient(ex))
        {
            throw ApiErrorMapper.FromNetwork(request, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<ApiResponse> SendOnceAsync(
        ApiRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<byte[]>> readSuccessBody,
        ResilienceContext context)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        Uri? redirectedTo = null;
        for (int hops = 0; ; hops++)
        {
            using HttpRequestMessage message = CreateMessage(request, redirectedTo);
#if NET
            var newConnection = new NewConnectionMarker();
            message.Options.Set(NewConnectionMarker.Key, newConnection);
#endif
            using HttpResponseMessage response = await SendMessageAsync(request, message, cancellationToken).ConfigureAwait(false);
#if NET
            if (newConnection.Opened && context.Properties.TryGetValue(ResiliencePipelineFactory.LeaseKey, out RateLimitLease? lease) && lease is PermitLease permit)
            {
                permit.MarkCold();
            }
#endif

            // The handler never follows redirects (it would forward the token header); storage links may redirect, and carry no token.
            if (request.DownloadUri is not null && DownloadRedirect(message.RequestUri!, response, hops) is Uri next)
            {
                redirectedTo = next;
                continue;
            }

            byte[] body = response.IsSuccessStatusCode
                ? await readSuccessBody(response, cancellationToken).ConfigureAwait(false)
                : await ReadBufferedAsync(response, cancellationToken).ConfigureAwait(false);
            return new ApiResponse(response.StatusCode, body, RetryAfterHeader.Read(response.Headers, _time.GetUtcNow()));
        }
    }

    /// <summary>
    /// API calls are timed per attempt by the pipeline. A download has no such limit (its length is unknown), so its
    /// headers must come within the attempt timeout here, and its body keeps to it between bytes (DownloadCopier).
    /// </summary>
    private async Task<HttpResponseMessage> SendMessageAsync(ApiRequest request, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        if (request.DownloadUri is null)
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_options.AttemptTimeout);
        try
        {
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DownloadStalledException(_options.AttemptTimeout, 0);
        }
    }

    /// <summary>
    /// Where a storage redirect leads, or null when the answer is no redirect. A redirect from https to plain http, or
    /// past the fifth, is an error that is not retried: the link will not get better by asking again.
    /// </summary>
    internal static Uri? DownloadRedirect(Uri from, HttpResponseMessage response, int hops)
    {
        int status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not Uri location)
        {
            return null;
        }

        Uri target = location.IsAbsoluteUri ? location : new Uri(from, location);
        string refusal =
            target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp ? $"to '{target.Scheme}:', which a download does not follow"
            : from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp ? $"from https to plain http ({target.Host}), which a download does not follow"
            : hops >= MaxDownloadRedirects ? $"more than {MaxDownloadRedirects} times, last to {target.Host}"
            : string.Empty;
        return refusal.Length == 0
            ? target
            : throw new MaestroQAApiException(
                ApiErrorKind.UnexpectedResponse,
                $"The export's storage host redirected the download {refusal}; nothing was saved. Run Get-MqaExport for a fresh DataUrl and save again.",
                status);
    }

    private HttpRequestMessage CreateMessage(ApiRequest request, Uri? redirectedTo)
    {
        Uri target = redirectedTo ?? request.DownloadUri ?? new Uri(_options.BaseUri, request.RelativePath);
        var message = new HttpRequestMessage(request.Method, target);

        // The token goes only to the API's own host: never to storage, a redirect target or anyone else.
        if (request.DownloadUri is null && IsApiHost(target))
        {
            message.Headers.TryAddWithoutValidation(TokenHeader, _options.Token.Reveal());
        }

        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.JsonBody is byte[] json)
        {
            message.Content = new ByteArrayContent(json);
            message.Content.Headers.ContentType = JsonMediaType;
        }

        return message;
    }

    private bool IsApiHost(Uri target) =>
        Uri.Compare(target, _options.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>
    /// Reads an answer whole, up to <see cref="MaestroQAClientOptions.MaxResponseBytes"/>: more than that is not an answer
    /// the article describes, and is refused before it is buffered (the promised length) or as soon as it gets there.
    /// </summary>
    private async Task<byte[]> ReadBufferedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        long cap = _options.MaxResponseBytes;
        string who = response.RequestMessage is { } sent ? $"{sent.Method} {sent.RequestUri?.GetLeftPart(UriPartial.Path)}" : "a request";
        if (response.Content.Headers.ContentLength is long promised && promised > cap)
        {
            throw TooLarge(who, cap, promised);
        }

#if NET
        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await body.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                throw TooLarge(who, cap, promised: null);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static MaestroQAApiException TooLarge(string who, long cap, long? promised) =>
        new(ApiErrorKind.UnexpectedResponse, $"MaestroQA's answer to {who} was {(promised is long size ? $"{size:N0} bytes" : "longer")}, more than the {cap:N0} bytes an answer may hold (MaxResponseBytes); it was not read.");
}
