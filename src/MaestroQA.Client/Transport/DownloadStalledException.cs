using System;
using System.IO;

namespace MaestroQA.Client.Transport;

/// <summary>A storage host sent nothing for the inactivity timeout: an I/O failure like a dropped connection, so it is retried.</summary>
internal sealed class DownloadStalledException : IOException
{
    public DownloadStalledException(TimeSpan timeout, long received)
        : base($"the export's storage host sent nothing for {timeout.TotalSeconds:0.#} s" + (received > 0 ? $" after {received:N0} bytes" : string.Empty))
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
