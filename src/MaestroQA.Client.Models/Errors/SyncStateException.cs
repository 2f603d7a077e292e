using System;

namespace MaestroQA.Client.Models;

/// <summary>A sync state file that cannot be used: it does not parse, or it belongs to another API or other export options.</summary>
public sealed class SyncStateException : Exception
{
    public SyncStateException(string message, bool isMismatch = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsMismatch = isMismatch;
    }

    /// <summary>True when the file is readable but records another base URI or other export options; false when it is unreadable.</summary>
    public bool IsMismatch { get; }
}
