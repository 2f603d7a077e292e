namespace MaestroQA.MockServer;

/// <summary>An error the API answers with <c>{"message": ...}</c>; thrown anywhere, written once by <see cref="ApiErrors"/>.</summary>
internal sealed class ApiException(int statusCode, string message, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers ?? [];

    /// <summary>The caller's body or parameters are invalid: a 400, or a 422 when responses.invalidParameterStatus says so.</summary>
    public bool IsInvalidParameter { get; private init; }

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiException InvalidParameter(string message) =>
        new(StatusCodes.Status400BadRequest, message) { IsInvalidParameter = true };

    public ApiException WithStatus(int statusCode) => new(statusCode, Message, Headers) { IsInvalidParameter = IsInvalidParameter };

    public static ApiException Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, message);

    public static ApiException Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);

    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static ApiException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}

/// <summary>The single writer of JSON error bodies.</summary>
internal static class ApiErrors
{
    private sealed record ErrorBody(string Message);

    public static Task WriteAsync(HttpContext context, int statusCode, string message,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        context.Response.StatusCode = statusCode;
        foreach (var (name, value) in headers ?? [])
        {
            context.Response.Headers[name] = value;
        }

        return context.Response.WriteAsJsonAsync(new ErrorBody(message), context.RequestAborted);
    }

    /// <summary>Turns thrown <see cref="ApiException"/>s into responses, and lets aborted requests end quietly.</summary>
    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, error.StatusCode, error.Message, error.Headers);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client (or an injected fault) dropped the connection: nobody is left to answer.
        }
    }
}
