using System;

namespace MaestroQA.Client.Models;

/// <summary>A failed API call. The message carries the server's own words; never the token.</summary>
public sealed class MaestroQAApiException : Exception
{
    public MaestroQAApiException(ApiErrorKind kind, string message, int? statusCode = null, string? serverMessage = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        ServerMessage = serverMessage;
    }

    public ApiErrorKind Kind { get; }

    public int? StatusCode { get; }

    public string? ServerMessage { get; }

    /// <summary>The token was refused (401, 403): no other request with it can succeed, so the work stops here.</summary>
    public bool IsTokenRefused => Kind is ApiErrorKind.Unauthorized or ApiErrorKind.Forbidden;

    /// <summary>How many attempts were sent before this answer: a 409 or 404 on a retry may be an earlier attempt that landed.</summary>
    public int Attempts { get; init; } = 1;
}
