namespace MaestroQA.MockServer;

internal enum FaultKind
{
    None,
    Error401,
    Error500,
    Error502,
    Error503,
    TooManyRequests,
    Hang,
    Reset,
    Truncate,
    ResetAfterCommit,
    Redirect,
    Stall,
    Html200,
    RedirectLoop,
    BigBody,
}

/// <summary>How faults are named in request records and in faults.sequence: one table for both directions.</summary>
internal static class FaultNames
{
    private static readonly (FaultKind Kind, string Name)[] Names =
    [
        (FaultKind.None, "none"),
        (FaultKind.Error401, "401"),
        (FaultKind.Error500, "500"),
        (FaultKind.Error502, "502"),
        (FaultKind.Error503, "503"),
        (FaultKind.TooManyRequests, "429"),
        (FaultKind.Hang, "hang"),
        (FaultKind.Reset, "reset"),
        (FaultKind.Truncate, "truncate"),
        (FaultKind.ResetAfterCommit, "reset_after_commit"),
        (FaultKind.Redirect, "redirect"),
        (FaultKind.Stall, "stall"),
        (FaultKind.Html200, "html200"),
        (FaultKind.RedirectLoop, "redirect_loop"),
        (FaultKind.BigBody, "big_body"),
    ];

    public static IEnumerable<string> All => Names.Select(entry => entry.Name);

    public static string WireName(FaultKind kind) => Names.First(entry => entry.Kind == kind).Name;

    public static FaultKind? Parse(string name) =>
        Names.Where(entry => entry.Name == name).Select(entry => (FaultKind?)entry.Kind).FirstOrDefault();
}
