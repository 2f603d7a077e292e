#if NET
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MaestroQA.Client.Transport;

/// <summary>
/// Tells whether sending a request opened a new connection, which holds the request back by a handshake or two:
/// the rate limiter then counts its permit from when the answer came (see ApiRateLimiter). Only SocketsHttpHandler
/// (PowerShell 7) can tell; Windows PowerShell relies on the limiter's cold start alone.
/// </summary>
internal sealed class NewConnectionMarker
{
    public static readonly HttpRequestOptionsKey<NewConnectionMarker> Key = new("MaestroQA.NewConnection");

    public bool Opened { get; private set; }

    /// <summary>Connects as SocketsHttpHandler would by default, noting which request the connection was opened for.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        if (context.InitialRequestMessage.Options.TryGetValue(Key, out NewConnectionMarker? marker))
        {
            marker.Opened = true;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
#endif
