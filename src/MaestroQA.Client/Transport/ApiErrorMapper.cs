using System;
using System.Net;
using System.Text;
using System.Text.Json;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Transport;

/// <summary>The one place that turns an HTTP failure into a MaestroQAApiException.</summary>
internal static class ApiErrorMapper
{
    /// <param name="refusalBudget">How long 429s were retried for (RetryRules.RefusalBudget), to say why one was not waited out.</param>
    public static MaestroQAApiException FromResponse(ApiRequest request, ApiResponse response, TimeSpan refusalBudget)
    {
        int status = (int)response.StatusCode;
        string? serverMessage = ReadServerMessage(response.Body);
        string said = serverMessage is null ? string.Empty : $": {serverMessage}";
        (ApiErrorKind kind, string advice) = request.DownloadUri is null ? Classify(response.StatusCode) : ClassifyDownload(response.StatusCode);
        if (status == 429 && response.RetryAfter is TimeSpan retryAfter && retryAfter > refusalBudget)
        {
            advice = $" MaestroQA asked to wait {retryAfter.TotalSeconds:0} s, longer than the {refusalBudget.TotalSeconds:0} s the retries wait in all; try again after that.";
        }

        if (status == 408 || status >= 500)
        {
            advice += NotSentAgain(request);
        }

        string message = $"{Who(request)} refused {request} with {status} ({response.StatusCode}){said}.{advice}";
        return new MaestroQAApiException(kind, message, status, serverMessage) { Attempts = response.Attempts };
    }

    public static MaestroQAApiException FromTimeout(ApiRequest request, TimeSpan timeout, Exception inner) =>
        new(ApiErrorKind.Timeout, $"{Who(request)} did not answer {request} within {timeout.TotalSeconds:0.#} s{(request.RetryTransientFailures ? " (after retries)" : string.Empty)}.{NotSentAgain(request)}", innerException: inner);

    public static MaestroQAApiException FromStall(ApiRequest request, DownloadStalledException stalled) => request.DownloadUri is null
        ? new(ApiErrorKind.Timeout, $"MaestroQA stopped answering {request}: it sent nothing for {stalled.Timeout.TotalSeconds:0.#} s{(request.RetryTransientFailures ? " (after retries)" : string.Empty)}.{NotSentAgain(request)} -TimeoutSec sets how long a silent host is waited for.", innerException: stalled)
        : new(ApiErrorKind.Timeout, $"The download {request} stopped: {stalled.Message} (after retries). -TimeoutSec sets how long a silent host is waited for.", innerException: stalled);

    public static MaestroQAApiException FromNetwork(ApiRequest request, Exception inner) =>
        new(ApiErrorKind.NetworkError, $"Could not reach {Who(request, startsSentence: false)} for {request}: {inner.Message}{NotSentAgain(request)}", innerException: inner);

    // A write that failed on the way may still have been applied (an export made, say), and the API cannot find an
    // export by name: sending it again could make two, so the user decides. A write retried (a ticket, which a 409
    // tells apart) may have been applied by any of its tries.
    private static string NotSentAgain(ApiRequest request) =>
        request.RetryTransientFailures
            ? (request.Method.Method is "POST" or "PATCH" ? " MaestroQA may have applied it all the same: check whether it did before sending it again." : string.Empty)
        : request.MakesExport ? " The request was not sent again: MaestroQA may have made the export all the same, and sending it again could make a second one. Check the exports in MaestroQA before requesting it again."
        : " The request was not sent again: MaestroQA may have applied it all the same. Check whether it was before sending it again.";

    private static string Who(ApiRequest request, bool startsSentence = true) =>
        request.DownloadUri is null ? "MaestroQA" : (startsSentence ? "The" : "the") + " export's storage host";

    private static (ApiErrorKind Kind, string Advice) Classify(HttpStatusCode status) => (int)status switch
    {
        400 or 422 => (ApiErrorKind.InvalidRequest, string.Empty),
        401 => (ApiErrorKind.Unauthorized, " API tokens expire after 90 days unless that is turned off; create a new one in MaestroQA under Other Settings > API Tokens and connect again."),
        403 => (ApiErrorKind.Forbidden, " The MaestroQA API needs the token of an Admin user."),
        404 => (ApiErrorKind.NotFound, string.Empty),
        409 => (ApiErrorKind.Conflict, string.Empty),
        408 => (ApiErrorKind.Timeout, string.Empty),
        429 => (ApiErrorKind.RateLimited, " The rate limit was still exceeded after retries; another client may share this token."),
        >= 500 => (ApiErrorKind.ServerError, " The service is unavailable; try again later."),
        >= 300 and < 400 => (ApiErrorKind.UnexpectedResponse, " The redirect was not followed: it names no place the token may go. Check the session's BaseUri."),
        _ => (ApiErrorKind.UnexpectedResponse, string.Empty),
    };

    // A presigned link is refused when it has expired or was cut short: the token and its rights play no part.
    private static (ApiErrorKind Kind, string Advice) ClassifyDownload(HttpStatusCode status) => (int)status switch
    {
        401 or 403 or 404 or 410 => (ApiErrorKind.DownloadRefused, " Download links expire; run Get-MqaExport for a fresh DataUrl and save again."),
        >= 300 and < 400 => (ApiErrorKind.UnexpectedResponse, " The download was redirected again and again (or to a place it cannot follow); run Get-MqaExport for a fresh DataUrl and save again."),
        _ => Classify(status),
    };

    private static string? ReadServerMessage(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (string name in new[] { "message", "error", "detail" })
                {
                    if (document.RootElement.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): show a short, single-line excerpt instead.
        }

        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).Replace('\r', ' ').Replace('\n', ' ').Trim();
        return text.Length == 0 ? null : text;
    }
}
