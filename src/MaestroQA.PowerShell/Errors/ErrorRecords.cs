using System;
using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Errors;

/// <summary>The one mapper from failures to ErrorRecords: stable ErrorIds ("MaestroQA.Conflict"), the right category, the input as TargetObject.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target) => exception switch
    {
        MaestroQAApiException api => new ErrorRecord(api, "MaestroQA." + api.Kind, CategoryOf(api.Kind), target),

        // InvalidDataException: what System.IO.Compression throws for a damaged zip.
        ExportFormatException or System.IO.InvalidDataException => new ErrorRecord(exception, "MaestroQA.ExportFormat", ErrorCategory.InvalidData, target),
        SyncLockedException locked => new ErrorRecord(locked, "MaestroQA.SyncLocked", ErrorCategory.ResourceBusy, target),
        SyncStateException state => new ErrorRecord(state, state.IsMismatch ? "MaestroQA.SyncStateMismatch" : "MaestroQA.SyncStateInvalid", state.IsMismatch ? ErrorCategory.InvalidArgument : ErrorCategory.InvalidData, target),
        MaestroQAInputException input => new ErrorRecord(input, "MaestroQA." + input.Problem, ErrorCategory.InvalidArgument, input.Value ?? target),
        OperationCanceledException canceled => new ErrorRecord(canceled, "MaestroQA.Stopped", ErrorCategory.OperationStopped, target),
        ArgumentException argument => new ErrorRecord(argument, "MaestroQA.InvalidArgument", ErrorCategory.InvalidArgument, target),
        ExportFileException { Exists: true } exists => new ErrorRecord(exists, "MaestroQA.FileExists", ErrorCategory.ResourceExists, exists.Path),
        ExportFileException file => new ErrorRecord(file, "MaestroQA.FileError", ErrorCategory.WriteError, file.Path),
        System.IO.IOException or UnauthorizedAccessException => new ErrorRecord(exception, "MaestroQA.FileError", ErrorCategory.WriteError, target),
        _ => new ErrorRecord(exception, "MaestroQA.Unexpected", ErrorCategory.NotSpecified, target),
    };

    /// <summary>
    /// The one rule for when a failure ends the command: the token was refused (401/403: nothing else can work) or the
    /// user stopped it. Anything else is written for its input, and the next input is still tried.
    /// </summary>
    public static bool StopsTheCommand(Exception exception) =>
        exception is OperationCanceledException
        || exception is MaestroQAApiException { IsTokenRefused: true };

    /// <summary>A bad input caught before anything is sent.</summary>
    public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
        new(new ArgumentException(message), "MaestroQA." + errorId, ErrorCategory.InvalidArgument, target);

    public static ErrorCategory CategoryOf(ApiErrorKind kind) => kind switch
    {
        ApiErrorKind.InvalidRequest => ErrorCategory.InvalidArgument,
        ApiErrorKind.Unauthorized => ErrorCategory.AuthenticationError,
        ApiErrorKind.Forbidden => ErrorCategory.PermissionDenied,
        ApiErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        ApiErrorKind.RouteNotFound => ErrorCategory.NotImplemented,
        ApiErrorKind.Conflict => ErrorCategory.ResourceExists,
        ApiErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
        ApiErrorKind.ServerError => ErrorCategory.ResourceUnavailable,
        ApiErrorKind.Timeout => ErrorCategory.OperationTimeout,
        ApiErrorKind.NetworkError => ErrorCategory.ConnectionError,
        ApiErrorKind.ExportFailed => ErrorCategory.InvalidResult,
        ApiErrorKind.DownloadRefused => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.InvalidResult,
    };
}
