using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MaestroQA.Client.Transport;

internal static class DownloadCopier
{
    private const int BufferSize = 81920;

    /// <summary>
    /// Copies the body, reporting bytes. It fails when fewer bytes arrive than Content-Length promised, and when no byte
    /// arrives for <paramref name="inactivityTimeout"/>: a download has no overall limit, since its length is unknown,
    /// but a host that stops sending must not hold it for as long as it keeps the connection open.
    /// </summary>
    public static async Task<long> CopyAsync(
        HttpResponseMessage response,
        Stream destination,
        Action<long, long?>? progress,
        TimeSpan inactivityTimeout,
        CancellationToken cancellationToken)
    {
        long? expected = response.Content.Headers.ContentLength;
        var buffer = new byte[BufferSize];
        long total = 0;
#if NET
        using Stream source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        while (true)
        {
            int read = await ReadWithinAsync(source, buffer, response, inactivityTimeout, total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
            total += read;
            progress?.Invoke(total, expected);
        }

        if (expected is long length && total != length)
        {
            throw new IOException($"The download ended after {total:N0} of {length:N0} bytes.");
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return total;
    }

    // Not every stream honours a cancelled read (.NET Framework's do not): disposing the response ends the read either way.
    private static async Task<int> ReadWithinAsync(Stream source, byte[] buffer, HttpResponseMessage response, TimeSpan timeout, long received, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(timeout);
        using CancellationTokenRegistration abort = idle.Token.Register(response.Dispose);
        try
        {
            return await source.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
        }
        catch (Exception) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DownloadStalledException(timeout, received);
        }
    }
}
