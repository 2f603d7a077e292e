using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
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

    private static readonly Lazy<ApiTransport> LazyDownloadsOnly = new(() => new ApiTransport(new MaestroQAClientOptions(ApiToken.DownloadsOnly)));

    private readonly MaestroQAClientOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly object _moveGate = new();

    // Who has heard that the class is held: once a command, then -Verbose (a long load may meet many 429s).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IApiLog, object> _toldOfHolds = new();
    private readonly ResiliencePipeline<ApiResponse> _demandingPipeline;
    private readonly ResiliencePipeline<ApiResponse> _easyPipeline;
    private readonly ResiliencePipeline<ApiResponse> _demandingStreamPipeline;
    private readonly ResiliencePipeline<ApiResponse> _easyStreamPipeline;
    private readonly ResiliencePipeline<ApiResponse> _downloadPipeline;
    private Uri _baseUri;

    public ApiTransport(MaestroQAClientOptions options, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        _baseUri = options.BaseUri;
        _http = HttpClientCache.Get(options.BaseUri, options.Proxy);
        DemandingLimiter = SharedRateLimiters.GetOrCreate(options.Token.LimiterKey, EndpointClass.Demanding, options.DemandingLimit);
        EasyLimiter = SharedRateLimiters.GetOrCreate(options.Token.LimiterKey, EndpointClass.Easy, options.EasyLimit);
        _demandingPipeline = ResiliencePipelineFactory.Create(options, DemandingLimiter, options.AttemptTimeout, _time);
        _easyPipeline = ResiliencePipelineFactory.Create(options, EasyLimiter, options.AttemptTimeout, _time);

        // A streamed body's length is unknown up front, so it gets no per-attempt timeout: its headers must come within
        // one, and its bytes keep to it between reads (DownloadCopier); Ctrl+C still stops it.
        _demandingStreamPipeline = ResiliencePipelineFactory.Create(options, DemandingLimiter, attemptTimeout: null, _time);
        _easyStreamPipeline = ResiliencePipelineFactory.Create(options, EasyLimiter, attemptTimeout: null, _time);
        _downloadPipeline = ResiliencePipelineFactory.Create(options, limiter: null, attemptTimeout: null, _time);
    }

    /// <summary>
    /// A transport that only downloads export files, for saving without any session: presigned links carry their own
    /// permission. The system proxy, the default retries; an API call through it fails before anything is sent.
    /// </summary>
    public static ApiTransport DownloadsOnly => LazyDownloadsOnly.Value;

    public MaestroQAClientOptions Options => _options;

    /// <summary>
    /// Where API calls go: the options' base, until MaestroQA answers a call with a permanent redirect to a base it
    /// may be followed to (see ApiRedirects); the session then uses the new base for the rest of its life.
    /// </summary>
    public Uri BaseUri => Volatile.Read(ref _baseUri);

    public ApiRateLimiter DemandingLimiter { get; }

    public ApiRateLimiter EasyLimiter { get; }

    internal Task<ApiResponse> SendAsync(ApiRequest request, IApiLog log, CancellationToken cancellationToken)
    {
        ResiliencePipeline<ApiResponse> pipeline = request.EndpointClass == EndpointClass.Demanding ? _demandingPipeline : _easyPipeline;
        return ExecuteAsync(pipeline, request, log, (response, token) => ReadBufferedAsync(response, request.KeepsOversizedSuccess, token), streamed: false, cancellationToken);
    }

    /// <summary>
    /// An API call whose successful answer is streamed into <paramref name="destination"/> whole, not capped (an
    /// error's is read as usual); a retry starts the destination over.
    /// </summary>
    internal Task<ApiResponse> SendToStreamAsync(ApiRequest request, Stream destination, IApiLog log, CancellationToken cancellationToken)
    {
        ResiliencePipeline<ApiResponse> pipeline = request.EndpointClass == EndpointClass.Demanding ? _demandingStreamPipeline : _easyStreamPipeline;
        return ExecuteAsync(pipeline, request, log, (response, token) => CopyAsync(response, destination, progress: null, token), streamed: true, cancellationToken);
    }

    /// <summary>Streams a presigned export URL into <paramref name="destination"/>, never with the token.</summary>
    internal async Task<long> DownloadAsync(Uri dataUrl, Stream destination, Action<long, long?>? progress, IApiLog log, CancellationToken cancellationToken)
    {
        ApiRequest request = ApiRequest.Download(dataUrl);
        ApiResponse result = await ExecuteAsync(_downloadPipeline, request, log, (response, token) => CopyAsync(response, destination, progress, token), streamed: true, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(request, result);
        return destination.Length;
    }

    /// <exception cref="MaestroQAApiException">The answer is not a success; its message says what the status means here.</exception>
    internal void EnsureSuccess(ApiRequest request, ApiResponse response)
    {
        if (!response.IsSuccess)
        {
            throw ApiErrorMapper.FromResponse(request, response, RetryRules.RefusalBudget(_options, LimiterFor(request)?.Policy));
        }
    }

    private ApiRateLimiter? LimiterFor(ApiRequest request) => request.EndpointClass switch
    {
        EndpointClass.Demanding => DemandingLimiter,
        EndpointClass.Easy => EasyLimiter,
        _ => null,
    };

    private async Task<ApiResponse> ExecuteAsync(
        ResiliencePipeline<ApiResponse> pipeline,
        ApiRequest request,
        IApiLog log,
        Func<HttpResponseMessage, CancellationToken, Task<BodyRead>> readSuccessBody,
        bool streamed,
        CancellationToken cancellationToken)
    {
        var call = new CallState(request, log);
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallState.Key, call);
        try
        {
            ApiResponse response = await pipeline.ExecuteAsync(
                async ctx =>
                {
                    call.Attempts++;
                    return await SendOnceAsync(call, readSuccessBody, streamed, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
            return response.WithAttempts(call.Attempts);
        }
        catch (TimeoutRejectedException ex)
        {
            throw ApiErrorMapper.FromTimeout(request, _options.AttemptTimeout, ex);
        }
        catch (DownloadStalledException stalled) when (!cancellationToken.IsCancellationRequested)
        {
            throw ApiErrorMapper.FromStall(request, stalled);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && RetryRules.IsTransient(ex))
        {
            throw ApiErrorMapper.FromNetwork(request, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<ApiResponse> SendOnceAsync(CallState call, Func<HttpResponseMessage, CancellationToken, Task<BodyRead>> readSuccessBody, bool streamed, CancellationToken cancellationToken)
    {
        ApiRequest request = call.Request;
        Uri baseUri = BaseUri;
        Uri requested = request.DownloadUri ?? new Uri(baseUri, request.RelativePath);
        Uri target = requested;
        bool movedForGood = true;
        int redirectStatus = 0;
        for (int hops = 0; ; hops++)
        {
            using HttpRequestMessage message = CreateMessage(request, target);
#if NET
            var newConnection = new NewConnectionMarker();
            message.Options.Set(NewConnectionMarker.Key, newConnection);
#endif
            using HttpResponseMessage response = await SendMessageAsync(message, guardHeaders: streamed, cancellationToken).ConfigureAwait(false);
#if NET
            if (newConnection.Opened)
            {
                call.Lease?.MarkCold();
            }
#endif

            // The handler never follows redirects (it would forward the token header): storage links may redirect, and
            // carry no token; API calls are followed only where the token may go.
            if (request.DownloadUri is not null)
            {
                if (DownloadRedirect(target, response, hops) is Uri next)
                {
                    target = next;
                    continue;
                }
            }
            else if (ApiRedirects.Next(request, target, response, hops, baseUri) is RedirectHop hop)
            {
                target = hop.Target;
                movedForGood &= hop.Permanent;
                redirectStatus = (int)response.StatusCode;
                continue;
            }

            if (hops > 0 && movedForGood && request.DownloadUri is null && ApiRedirects.MovedBase(requested, target, baseUri) is Uri moved)
            {
                MoveTo(moved, redirectStatus, call.Log);
            }

            TimeSpan? retryAfter = RetryAfterHeader.Read(response.Headers, _time.GetUtcNow());
            if ((int)response.StatusCode == 429)
            {
                HoldAfterRefusal(call, retryAfter);
            }

            BodyRead body = response.IsSuccessStatusCode
                ? await readSuccessBody(response, cancellationToken).ConfigureAwait(false)
                : await ReadBufferedAsync(response, keepOversized: false, cancellationToken).ConfigureAwait(false);
            return new ApiResponse(response.StatusCode, body.Bytes, retryAfter, HeadersOf(response), body.Truncated);
        }
    }

    /// <summary>
    /// A 429 for a request the limiter allowed means someone else is spending this token's budget: the class waits
    /// until the documented window must have freed (ApiRateLimiter.HoldAfterRefusal), and the user hears it once.
    /// </summary>
    private void HoldAfterRefusal(CallState call, TimeSpan? retryAfter)
    {
        if (LimiterFor(call.Request) is not ApiRateLimiter limiter || limiter.HoldAfterRefusal(retryAfter ?? TimeSpan.Zero) is not TimeSpan held)
        {
            return;
        }

        string asked = retryAfter is TimeSpan wait
            ? $" MaestroQA asks to wait {wait.TotalSeconds:0} s before trying again" + (wait > _options.MaxRetryDelay ? $", longer than the usual {_options.MaxRetryDelay.TotalSeconds:0} s." : ".")
            : string.Empty;
        string message =
            $"{call.Request}: MaestroQA refused it with 429 (too many requests) though this module kept to the {call.Request.EndpointClass} limits, so another client may be using this token.{asked} " +
            $"{call.Request.EndpointClass} requests now wait {held.TotalSeconds:0.#} s, until the documented one-minute window must have freed.";
        bool told;
        lock (_toldOfHolds)
        {
            told = _toldOfHolds.TryGetValue(call.Log, out _);
            if (!told)
            {
                _toldOfHolds.Add(call.Log, this);
            }
        }

        if (told)
        {
            call.Log.Verbose(message);
        }
        else
        {
            call.Log.Warning(message);
        }
    }

    private void MoveTo(Uri newBase, int status, IApiLog log)
    {
        lock (_moveGate)
        {
            if (BaseUris.Same(newBase, _baseUri))
            {
                return;
            }

            Volatile.Write(ref _baseUri, newBase);
        }

        string shown = BaseUris.Redact(newBase);
        log.Warning($"MaestroQA answered with {status}, a permanent redirect: the API has moved to {shown}. This session uses it from now on; to make it the default, connect with -BaseUri '{shown}' or set $env:MAESTROQA_BASE_URI to it.");
    }

    /// <summary>
    /// Buffered API calls are timed per attempt by the pipeline. A streamed body has no such limit (its length is
    /// unknown), so its headers must come within the attempt timeout here, and its body keeps to it between bytes.
    /// </summary>
    private async Task<HttpResponseMessage> SendMessageAsync(HttpRequestMessage message, bool guardHeaders, CancellationToken cancellationToken)
    {
        if (!guardHeaders)
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

    /// <summary>The token goes with every API call, whose target ApiRedirects has vetted; never with a download.</summary>
    private HttpRequestMessage CreateMessage(ApiRequest request, Uri target)
    {
        var message = new HttpRequestMessage(request.Method, target);
        if (request.DownloadUri is null)
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

    private async Task<BodyRead> CopyAsync(HttpResponseMessage response, Stream destination, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        // A retry starts over: never append a second attempt to a partial first one.
        destination.SetLength(0);
        await DownloadCopier.CopyAsync(response, destination, progress, _options.AttemptTimeout, cancellationToken).ConfigureAwait(false);
        return BodyRead.Empty;
    }

    /// <summary>
    /// Reads an answer whole, up to <see cref="MaestroQAClientOptions.MaxResponseBytes"/>: more than that is not an answer
    /// the article describes, and is refused before it is buffered (the promised length) or as soon as it gets there;
    /// or, with <paramref name="keepOversized"/>, its start is kept and the rest left unread.
    /// </summary>
    private async Task<BodyRead> ReadBufferedAsync(HttpResponseMessage response, bool keepOversized, CancellationToken cancellationToken)
    {
        long cap = _options.MaxResponseBytes;
        string who = response.RequestMessage is { } sent ? $"{sent.Method} {sent.RequestUri?.GetLeftPart(UriPartial.Path)}" : "a request";
        if (response.Content.Headers.ContentLength is long promised && promised > cap && !keepOversized)
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
        while ((read = await body.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, cap + 1 - buffer.Length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                if (!keepOversized)
                {
                    throw TooLarge(who, cap, promised: null);
                }

                buffer.Write(chunk, 0, (int)(cap - buffer.Length));
                return new BodyRead(buffer.ToArray(), Truncated: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return new BodyRead(buffer.ToArray(), Truncated: false);
    }

    private static IReadOnlyDictionary<string, string[]> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            headers[header.Key] = [.. header.Value];
        }

        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
        {
            headers[header.Key] = [.. header.Value];
        }

        return headers;
    }

    private static MaestroQAApiException TooLarge(string who, long cap, long? promised) =>
        new(ApiErrorKind.UnexpectedResponse, $"MaestroQA's answer to {who} was {(promised is long size ? $"{size:N0} bytes" : "longer")}, more than the {cap:N0} bytes an answer may hold (MaxResponseBytes); it was not read.");

    /// <summary>An answer's body as read: whole, or only its start when it was longer than the cap.</summary>
    private readonly record struct BodyRead(byte[] Bytes, bool Truncated)
    {
        public static readonly BodyRead Empty = new([], false);
    }
}
