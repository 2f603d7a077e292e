using System;

namespace MaestroQA.Client.Sync;

public enum SyncPlanProblem
{
    /// <summary>A kind with no state yet needs a start.</summary>
    StartDateRequired,

    /// <summary>The end is before where the folder is already synced to.</summary>
    EndDateBeforeSynced,
}

/// <summary>A sync that cannot be planned from what the user gave; nothing was sent or written.</summary>
public sealed class SyncPlanException : ArgumentException
{
    public SyncPlanException(SyncPlanProblem problem, string message, string parameterName)
        : base(message, parameterName)
    {
        Problem = problem;
    }

    public SyncPlanProblem Problem { get; }
}
