namespace MaestroQA.Client.Models;

/// <summary>What went wrong, in the terms a caller acts on; the PowerShell layer maps each to an ErrorCategory.</summary>
public enum ApiErrorKind
{
    InvalidRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    RateLimited,
    ServerError,
    Timeout,
    NetworkError,
    ExportFailed,
    DownloadRefused,
    UnexpectedResponse,

    /// <summary>The server does not know the route itself (a 404 on a route that names no id): its edition of the API lacks it.</summary>
    RouteNotFound,
}
