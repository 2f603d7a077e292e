namespace MaestroQA.Client.Models;

/// <summary>
/// Why what a user gave cannot be used. Each name is the stable end of an ErrorId (MaestroQA.InvalidDateRange), so a
/// script can catch one problem and not another; names are never reused for another problem.
/// </summary>
public enum InputProblem
{
    /// <summary>A value that fits no narrower problem, such as a control character in an id.</summary>
    InvalidArgument,

    /// <summary>A base URI that would send the token in clear text (http:// off the local machine), or is not absolute.</summary>
    InsecureBaseUri,

    /// <summary>A base URI holding a user name, password, query or fragment.</summary>
    InvalidBaseUri,

    EmptyToken,

    /// <summary>A token holding a control character (a line break pasted with it, say).</summary>
    InvalidToken,

    /// <summary>A start that is not before its end.</summary>
    InvalidDateRange,

    /// <summary>-ChunkDays outside the range every cmdlet that cuts windows takes.</summary>
    InvalidChunkDays,

    /// <summary>A kind's first sync without -StartDate.</summary>
    StartDateRequired,

    /// <summary>A sync asked to end before where its folder already stands.</summary>
    EndDateBeforeSynced,

    /// <summary>A ticket row that cannot be sent as it is.</summary>
    InvalidTicket,

    /// <summary>A request that would reach a host other than the session's, or carry a token of its own.</summary>
    InvalidRequest,
}
