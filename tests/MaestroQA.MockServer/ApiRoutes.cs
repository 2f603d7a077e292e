namespace MaestroQA.MockServer;

/// <summary>The article's two rate-limit classes, plus the presigned download route that has none.</summary>
internal enum EndpointClass
{
    Demanding,
    Easy,
    Download,
}

/// <summary>Which API editions (api.profile) serve a route; elsewhere it answers as an unknown route.</summary>
internal enum RouteEdition
{
    Both,
    Article,
    Current,

    /// <summary>In the article; in the current profile only with api.legacyRoutes (today's article no longer lists it).</summary>
    Legacy,
}

/// <summary>An API route as the pipeline sees it: its name in records and fault config, its limit class, its auth options.</summary>
/// <param name="AcceptsBodyToken">The article lists apiToken as a body parameter only for the export and capture-stats endpoints.</param>
/// <param name="CanFaultAfterCommit">Creating a ticket or requesting an export: a state change whose response can be lost.</param>
internal sealed record ApiRoute(
    string Name, EndpointClass Class, bool AcceptsBodyToken, bool CanFaultAfterCommit = false, RouteEdition Edition = RouteEdition.Both);

internal static class ApiRoutes
{
    public const string DownloadsName = "downloads";

    public static readonly ApiRoute RequestRawExport = new("request-raw-export", EndpointClass.Demanding, AcceptsBodyToken: true, CanFaultAfterCommit: true);
    public static readonly ApiRoute RequestGroupsExport = new("request-groups-export", EndpointClass.Demanding, AcceptsBodyToken: true, CanFaultAfterCommit: true, Edition: RouteEdition.Legacy);
    public static readonly ApiRoute RequestAuditLogExport = new("request-audit-log-export", EndpointClass.Demanding, AcceptsBodyToken: true, CanFaultAfterCommit: true);
    public static readonly ApiRoute GetExportData = new("get-export-data", EndpointClass.Easy, AcceptsBodyToken: true, Edition: RouteEdition.Article);

    /// <summary>Today's status route, the id in the path; the body token is taken as on get-export-data, which it replaces.</summary>
    public static readonly ApiRoute ExportData = new("export-data", EndpointClass.Easy, AcceptsBodyToken: true, Edition: RouteEdition.Current);
    public static readonly ApiRoute ScreenCaptureUsageStats = new("screen-capture-usage-stats", EndpointClass.Demanding, AcceptsBodyToken: true, Edition: RouteEdition.Legacy);
    public static readonly ApiRoute CreateTicket = new("tickets", EndpointClass.Easy, AcceptsBodyToken: false, CanFaultAfterCommit: true);
    public static readonly ApiRoute ChangeTicket = new("tickets", EndpointClass.Easy, AcceptsBodyToken: false);

    /// <summary>GET tickets/{ticket_id} and GET tickets?ticket_ids=: listed in today's article only.</summary>
    public static readonly ApiRoute ReadTicket = new("tickets", EndpointClass.Easy, AcceptsBodyToken: false, Edition: RouteEdition.Current);

    /// <summary>The coaching export (vendor article 6011874): a "hard" endpoint, the body token taken as on the export routes.</summary>
    public static readonly ApiRoute CoachingSessions = new("coaching-sessions", EndpointClass.Demanding, AcceptsBodyToken: true);

    /// <summary>GET agents and agents/{id}: listed in today's article only.</summary>
    public static readonly ApiRoute Agents = new("agents", EndpointClass.Easy, AcceptsBodyToken: false, Edition: RouteEdition.Current);

    /// <summary>The presigned storage URL: no limits, no token.</summary>
    public static readonly ApiRoute Downloads = new(DownloadsName, EndpointClass.Download, AcceptsBodyToken: false);

    /// <summary>Every route faults can be injected on (every tickets route shares one name).</summary>
    public static readonly IReadOnlyList<ApiRoute> Faultable =
    [
        RequestRawExport, RequestGroupsExport, RequestAuditLogExport, GetExportData, ExportData, ScreenCaptureUsageStats,
        CreateTicket, ChangeTicket, ReadTicket, Agents, CoachingSessions, Downloads,
    ];

    /// <summary>Names accepted in faults.routes.</summary>
    public static readonly IReadOnlySet<string> FaultableNames =
        new SortedSet<string>(Faultable.Select(route => route.Name), StringComparer.Ordinal);

    /// <summary>What any request no route serves gets (the fallback, and a route the configured edition does not serve).</summary>
    public static ApiException NoRoute(HttpContext context) =>
        ApiException.NotFound($"No route {context.Request.Method} {context.Request.Path}");

    public static string WireName(this EndpointClass endpointClass) => endpointClass switch
    {
        EndpointClass.Demanding => "demanding",
        EndpointClass.Easy => "easy",
        _ => "download",
    };
}
