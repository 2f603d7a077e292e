namespace MaestroQA.Client.RateLimiting;

/// <summary>The API's two rate-limit tiers; each has its own budget per token.</summary>
public enum EndpointClass
{
    /// <summary>Export requests and capture stats.</summary>
    Demanding,

    /// <summary>Export status and tickets.</summary>
    Easy,
}
