namespace MaestroQA.MockServer;

/// <summary>The article's two rate-limit classes, plus the presigned download route that has none.</summary>
internal enum EndpointClass
{
    Demanding,
    Easy,
    Download,
}

/// <summary>An API route as the pipeline sees it: its name in records and fault config, its limit class, its auth options.</summary>
/// <param name="AcceptsBodyToken">The article lists apiToken as a body parameter only for the export and capture-stats endpoints.</param>
/// <param name="CanFaultAfterCommit">Creating a ticket or requesting an export: a state change whose response can be lost.</param>
internal sealed record ApiRoute(string Name, EndpointClass Class, bool AcceptsBodyToken, bool CanFaultAfterCommit = false);

internal static class ApiRoutes
{
    public const string DownloadsName = "downloads";

    public static readonly ApiRoute RequestRawExport = new("request-raw-export", EndpointClass.Demanding, AcceptsBodyToken: true, CanFaultAfterCommit: true);
    public static readonly ApiRoute RequestGroupsExport = new("request-groups-export", EndpointClass.Demanding, AcceptsBodyToken: true, CanFaultAfterCommit: true);
    public static readonly ApiRoute RequestAuditLogExport = new("request-audit-log-export", EndpointClass.Demanding, AcceptsBodyToken: true, CanFaultAfterCommit: true);
    public static readonly ApiRoute GetExportData = new("get-export-data", EndpointClass.Easy, AcceptsBodyToken: true);
    public static readonly ApiRoute ScreenCaptureUsageStats = new("screen-capture-usage-stats", EndpointClass.Demanding, AcceptsBodyToken: true);
    public static readonly ApiRoute CreateTicket = new("tickets", EndpointClass.Easy, AcceptsBodyToken: false, CanFaultAfterCommit: true);
    public static readonly ApiRoute ChangeTicket = new("tickets", EndpointClass.Easy, AcceptsBodyToken: false);

    /// <summary>The presigned storage URL: no limits, no token.</summary>
    public static readonly ApiRoute Downloads = new(DownloadsName, EndpointClass.Download, AcceptsBodyToken: false);

    /// <summary>Every route faults can be injected on (POST and PATCH/DELETE tickets share one name).</summary>
    public static readonly IReadOnlyList<ApiRoute> Faultable =
    [
        RequestRawExport, RequestGroupsExport, RequestAuditLogExport, GetExportData, ScreenCaptureUsageStats, CreateTicket,
        ChangeTicket, Downloads,
    ];

    /// <summary>Names accepted in faults.routes.</summary>
    public static readonly IReadOnlySet<string> FaultableNames =
        new SortedSet<string>(Faultable.Select(route => route.Name), StringComparer.Ordinal);

    public static string WireName(this EndpointClass endpointClass) => endpointClass switch
    {
        EndpointClass.Demanding => "demanding",
        EndpointClass.Easy => "easy",
        _ => "download",
    };
}
