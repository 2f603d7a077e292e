namespace MaestroQA.MockServer;

/// <summary>Which edition of the vendor's API article the server speaks.</summary>
internal enum ApiProfile
{
    /// <summary>The seed article (app.maestroqa.com): get-export-data, tickets keyed by gradable_id.</summary>
    Article,

    /// <summary>Today's "Rippit API" article: export status at export-data/{id}, tickets keyed by ticket_id with attributes, the groups export and capture stats dropped.</summary>
    Current,
}

/// <summary>Where the moved host's Location points.</summary>
internal enum MovedTarget
{
    /// <summary>http://127.0.0.1:&lt;main port&gt;/...: the host the client already talks to.</summary>
    SameHost,

    /// <summary>http://localhost:&lt;main port&gt;/...: another host name to a client on 127.0.0.1.</summary>
    OtherHost,
}

/// <summary>How the second listener, standing in for the old host, redirects.</summary>
internal sealed record MovedConfig
{
    public int Status { get; init; } = StatusCodes.Status308PermanentRedirect;

    public MovedTarget Target { get; init; } = MovedTarget.SameHost;
}

/// <summary>Which API edition is served, and its options; defaults are the seed article exactly.</summary>
internal sealed record ApiConfig
{
    private static readonly int[] MovedStatuses = [301, 302, 307, 308];

    public ApiProfile Profile { get; init; } = ApiProfile.Article;

    /// <summary>Current profile only: a ticket named by gradable_id alone is refused, as ticket_id is missing.</summary>
    public bool RequireTicketId { get; init; }

    /// <summary>Current profile only: still serve request-groups-export and screen-capture-usage-stats, which today's article dropped.</summary>
    public bool LegacyRoutes { get; init; }

    /// <summary>In both profiles.</summary>
    public MovedConfig Moved { get; init; } = new();

    public bool Serves(RouteEdition edition) => edition switch
    {
        RouteEdition.Article => Profile == ApiProfile.Article,
        RouteEdition.Current => Profile == ApiProfile.Current,
        RouteEdition.Legacy => Profile == ApiProfile.Article || LegacyRoutes,
        _ => true,
    };

    internal void Validate() =>
        ServerConfig.Require(MovedStatuses.Contains(Moved.Status),
            $"api.moved.status must be one of {string.Join(", ", MovedStatuses)}");
}
