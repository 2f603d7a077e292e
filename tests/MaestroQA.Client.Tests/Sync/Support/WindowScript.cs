namespace MaestroQA.Client.Tests.Sync.Support;

/// <summary>How a completed export answers its status checks.</summary>
internal enum ExportOutcome
{
    /// <summary>Complete with a download link.</summary>
    Data,

    /// <summary>Errored: it never completes.</summary>
    Errored,

    /// <summary>Complete with no data, every time it is checked.</summary>
    Empty,

    /// <summary>Complete with no data at the first complete answer, with data from the next on (a transient empty answer).</summary>
    EmptyOnce,

    /// <summary>Complete with no data at the first complete answer, errored from the next on.</summary>
    EmptyThenErrored,

    /// <summary>Complete with no data at the first complete answer, in progress at the next, then complete with data.</summary>
    EmptyThenInProgress,
}

/// <summary>What the fake server does with one window's export (see <see cref="FakeExportApi"/>).</summary>
internal sealed record WindowScript
{
    /// <summary>From the request until the export is no longer in progress.</summary>
    public TimeSpan CompletesAfter { get; init; } = TimeSpan.FromSeconds(3);

    public ExportOutcome Outcome { get; init; } = ExportOutcome.Data;

    /// <summary>Data rows in each of its tables.</summary>
    public int Rows { get; init; } = FakeExportFiles.DefaultRows;

    /// <summary>Its first download answers an HTML page (an expired link), not the file.</summary>
    public bool ServesHtmlOnce { get; init; }

    /// <summary>A status check of its export answers 401: the token is refused.</summary>
    public bool RefusesToken { get; init; }

    /// <summary>Its request answers 503, after the server made the export (so the caller cannot know it was made).</summary>
    public bool RequestFails { get; init; }
}
