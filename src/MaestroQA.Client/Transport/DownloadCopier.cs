using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MaestroQA.Client.Transport;

internal static class DownloadCopier
{
    private const int BufferSize = 81920;

    /// <summary>Copies the body, reporting bytes, and fails when fewer bytes arrive than Content-Length promised.</summary>
    public static async Task<long> CopyAsync(HttpResponseMessage response, Stream destination, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        long? expected = response.Content.Headers.ContentLength;
        var buffer = new byte[BufferSize];
        long total = 0;
#if NET
        using Stream source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        int read;
        while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
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
}
