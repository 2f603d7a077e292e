using System.Threading.Tasks;
using System.Threading;
using System;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Api;

/// <summary>Polls an export until it completes, with a gentle backoff so long exports do not spend the easy-endpoint budget.</summary>
public sealed class ExportWaiter
{
    private readonly MaestroQAClient _client;
    private readonly TimeProvider _time;
    private readonly IApiLog _log;

    public ExportWaiter(MaestroQAClient client, TimeProvider? time = null, IApiLog? log = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = time ?? TimeProvider.System;
        _log = log ?? NullApiLog.Instance;
    }

    /// <summary>The first wait between polls; each later one grows by half, up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Returns the complete export; throws ExportFailed when it errored and Timeout when it took too long.</summary>
    public async Task<MqaExport> WaitAsync(MqaExport export, Action<MqaExport, TimeSpan>? onPoll = null, CancellationToken cancellationToken = default)
    {
        long started = _time.GetTimestamp();
        TimeSpan interval = PollInterval;
        string? lastUnknown = null;
        while (true)
        {
            export = await _client.GetExportAsync(export, cancellationToken).ConfigureAwait(false);
            TimeSpan elapsed = _time.GetElapsedTime(started);
            onPoll?.Invoke(export, elapsed);
            switch (export.Status)
            {
                case ExportStatus.Complete:
                    return export;
                case ExportStatus.Errored:
                    throw Errored(export, "; request it again");
                case ExportStatus.Unknown when export.ServerStatus != lastUnknown:
                    // New statuses may come (the article lists four): keep waiting, but say so.
                    lastUnknown = export.ServerStatus;
                    _log.Warning($"MaestroQA reports export {export.ExportId} as '{export.ServerStatus}', a status this module does not know; still waiting for 'complete'.");
                    break;
            }

            TimeSpan remaining = Timeout - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw StillWaiting(export, Timeout);
            }

            TimeSpan pause = interval < remaining ? interval : remaining;
#if NET
            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
#else
            await _time.Delay(pause, cancellationToken).ConfigureAwait(false);
#endif
            interval = NextInterval(interval, MaxPollInterval);
        }
    }

    /// <summary>An export MaestroQA reports errored: it will never complete.</summary>
    internal static MaestroQAApiException Errored(MqaExport export, string advice) =>
        new(ApiErrorKind.ExportFailed, $"MaestroQA reports that export {export.ExportId} errored{advice}.");

    /// <summary>An export not complete when its wait ran out: its status as MaestroQA gave it, or why checking it failed.</summary>
    internal static MaestroQAApiException StillWaiting(MqaExport export, TimeSpan timeout, Exception? checkFailure = null)
    {
        string status = checkFailure is not null ? $"not answering ({checkFailure.Message})"
            : export.Status == ExportStatus.Unknown ? $"still '{export.ServerStatus}'"
            : $"still {export.Status}";
        return new(ApiErrorKind.Timeout, $"Export {export.ExportId} was {status} after {timeout.TotalSeconds:0.#} s.", innerException: checkFailure);
    }

    /// <summary>Each pause half as long again as the last, up to <paramref name="max"/>: patient with long exports, quick with short ones.</summary>
    internal static TimeSpan NextInterval(TimeSpan interval, TimeSpan max) => TimeSpan.FromTicks(Math.Min(max.Ticks, interval.Ticks * 3 / 2));
}
