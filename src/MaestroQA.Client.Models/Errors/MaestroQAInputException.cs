using System;

namespace MaestroQA.Client.Models;

/// <summary>
/// What a user gave cannot be used; nothing was sent or written. The engine's one validation failure: the PowerShell
/// layer turns it into an InvalidArgument error whose ErrorId ends in <see cref="Problem"/>.
/// </summary>
public sealed class MaestroQAInputException : ArgumentException
{
    private readonly string? _parameterName;

    // The parameter is kept apart from the base class, which would append it to the message (differently on each .NET).
    public MaestroQAInputException(InputProblem problem, string message, string? parameterName = null, object? value = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        Value = value;
        _parameterName = parameterName;
    }

    public InputProblem Problem { get; }

    /// <summary>The value as the user gave it, fit to show (a base URI without its secrets, never a token).</summary>
    public object? Value { get; }

    public override string? ParamName => _parameterName;
}
