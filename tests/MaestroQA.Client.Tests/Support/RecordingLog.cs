using System.Collections.Concurrent;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Support;

/// <summary>Keeps what the client says, as the cmdlets' -Verbose and warnings would show it.</summary>
internal class RecordingLog : IApiLog
{
    public ConcurrentQueue<string> Verbose { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    void IApiLog.Verbose(string message) => Verbose.Enqueue(message);

    void IApiLog.Warning(string message) => Warnings.Enqueue(message);
}
