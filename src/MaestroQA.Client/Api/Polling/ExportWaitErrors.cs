using System;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Polling;

/// <summary>How a wait for an export ends when it does not end complete: in one place, for one wait and for many.</summary>
public static class ExportWaitErrors
{
    /// <summary>An export MaestroQA reports errored: it will never complete, so only a new request can bring its data.</summary>
    public static MaestroQAApiException Errored(MqaExport export) =>
        new(ApiErrorKind.ExportFailed, $"MaestroQA reports that export {export.ExportId} errored: it will never complete.");

    /// <summary>
    /// An export not complete when its wait ran out: its status as MaestroQA last gave it and when (UTC), and, when the
    /// last check failed, why it could not be checked since.
    /// </summary>
    public static MaestroQAApiException StillWaiting(MqaExport export, TimeSpan timeout, DateTime? lastChecked, Exception? checkFailure = null)
    {
        string status = lastChecked is null ? "not checked successfully"
            : export.Status == ExportStatus.Unknown ? $"still '{export.ServerStatus}'"
            : $"still {export.Status}";
        string last = lastChecked is DateTime at ? $", last checked at {at:u}" : string.Empty;
        string since = checkFailure is null ? string.Empty : $"; it could not be checked since: {checkFailure.Message.TrimEnd('.')}";
        return new(ApiErrorKind.Timeout, $"Export {export.ExportId} was {status} after {timeout.TotalSeconds:0.#} s{last}{since}.", innerException: checkFailure);
    }

    /// <summary>The warning for a status the vendor's article does not list: the wait goes on, but says so once.</summary>
    public static string UnknownStatus(MqaExport export) =>
        $"MaestroQA reports export {export.ExportId} as '{export.ServerStatus}', a status this module does not know; still waiting for 'complete'.";
}
