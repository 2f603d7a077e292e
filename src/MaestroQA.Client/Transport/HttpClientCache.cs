using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using MaestroQA.Client.Configuration;

namespace MaestroQA.Client.Transport;

/// <summary>
/// One long-lived HttpClient per base URI and proxy, shared by every session, cmdlet and runspace in the process,
/// so sockets are reused instead of exhausted.
/// </summary>
internal static class HttpClientCache
{
    private static readonly ConcurrentDictionary<string, Lazy<HttpClient>> Clients = new(StringComparer.Ordinal);

    public static HttpClient Get(Uri baseUri, ProxySettings? proxy)
    {
        string key = baseUri.GetLeftPart(UriPartial.Authority) + "|" + (proxy?.CacheKey ?? "system");
        return Clients.GetOrAdd(key, _ => new Lazy<HttpClient>(() => Create(proxy))).Value;
    }

    private static HttpClient Create(ProxySettings? proxy)
    {
        var client = new HttpClient(CreateHandler(proxy), disposeHandler: true)
        {
            // Polly owns timeouts per attempt; the client's own would also cut short long downloads.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent.Value);
        return client;
    }

    private static HttpMessageHandler CreateHandler(ProxySettings? proxy)
    {
#if NET
        var handler = new SocketsHttpHandler
        {
            // Long-lived clients must still notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,

            // A followed redirect would carry the apitoken header to wherever it points.
            AllowAutoRedirect = false,
            ConnectCallback = NewConnectionMarker.ConnectAsync,
        };
#else
        var handler = new HttpClientHandler
        {
            // Windows PowerShell 5.1 may default to TLS 1.0; set it on our handler, never process-wide.
            SslProtocols = SslProtocols.Tls12,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,

            // A followed redirect would carry the apitoken header to wherever it points.
            AllowAutoRedirect = false,
        };
#endif
        if (proxy is not null)
        {
            handler.UseProxy = true;
            handler.Proxy = new WebProxy(proxy.Address)
            {
                Credentials = proxy.UseDefaultCredentials ? CredentialCache.DefaultCredentials : proxy.Credential,
            };
        }

        return handler;
    }
}
