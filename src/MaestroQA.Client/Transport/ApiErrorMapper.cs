using System;
using System.Net;
using System.Text;
using System.Text.Json;

namespace MaestroQA.Client.Transport;

/// <summary>The one place that turns an HTTP failure into a MaestroQAApiException.</summary>
internal static class ApiErrorMapper
{
    public static MaestroQAApiException FromResponse(ApiRequest request, ApiResponse response)
    {
        int status = (int)response.StatusCode;
        string? serverMessage = ReadServerMessage(response.Body);
        string said = serverMessage is null ? string.Empty : $": {serverMessage}";
        (ApiErrorKind kind, string advice) = Classify(response.StatusCode);
        string message = $"MaestroQA refused {request} with {status} ({response.StatusCode}){said}.{advice}";
        return new MaestroQAApiException(kind, message, status, serverMessage);
    }

    public static MaestroQAApiException FromTimeout(ApiRequest request, TimeSpan timeout, Exception inner) =>
        new(ApiErrorKind.Timeout, $"MaestroQA did not answer {request} within {timeout.TotalSeconds:0.#} s (after retries).", innerException: inner);

    public static MaestroQAApiException FromNetwork(ApiRequest request, Exception inner) =>
        new(ApiErrorKind.NetworkError, $"Could not reach MaestroQA for {request}: {inner.Message}", innerException: inner);

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
        _ => (ApiErrorKind.UnexpectedResponse, string.Empty),
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
