namespace MaestroQA.MockServer;

/// <summary>Which edition of the vendor's API article the server speaks.</summary>
internal enum ApiProfile
{
    /// <summary>The seed article (app.maestroqa.com): get-export-data, tickets keyed by gradable_id.</summary>
    Article,

    /// <summary>Today's "Rippit API" article: export status at export-data/{id}, tickets keyed by ticket_id with attributes, the groups export and capture stats dropped.</summary>
    Current,
}

/// <summary>Which API edition is served, and its options; defaults are the seed article exactly.</summary>
internal sealed record ApiConfig
{
    public ApiProfile Profile { get; init; } = ApiProfile.Article;

    /// <summary>Current profile only: a ticket named by gradable_id alone is refused, as ticket_id is missing.</summary>
    public bool RequireTicketId { get; init; }

    /// <summary>Current profile only: still serve request-groups-export and screen-capture-usage-stats, which today's article dropped.</summary>
    public bool LegacyRoutes { get; init; }

    public bool Serves(RouteEdition edition) => edition switch
    {
        RouteEdition.Article => Profile == ApiProfile.Article,
        RouteEdition.Current => Profile == ApiProfile.Current,
        RouteEdition.Legacy => Profile == ApiProfile.Article || LegacyRoutes,
        _ => true,
    };
}
