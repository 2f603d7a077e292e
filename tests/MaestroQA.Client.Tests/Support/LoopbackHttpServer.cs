using System.Net;
using System.Net.Sockets;

namespace MaestroQA.Client.Tests.Support;

/// <summary>
/// A bare HTTP server on 127.0.0.1 for answers the local MaestroQA server does not give (a slow one, one cut short):
/// requests are handled one at a time, numbered from 1.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, int, Task> _handle;
    private int _requests;

    public LoopbackHttpServer(Func<HttpListenerContext, int, Task> handle)
    {
        _handle = handle;
        BaseUri = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(BaseUri.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _listener.Close();

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await _handle(context, Interlocked.Increment(ref _requests));
        }
    }
}
