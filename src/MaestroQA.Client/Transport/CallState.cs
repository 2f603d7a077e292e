using Polly;
using MaestroQA.Client.RateLimiting;

namespace MaestroQA.Client.Transport;

/// <summary>
/// What the pipeline's strategies and the transport share about one call, through one typed property of Polly's
/// context: the request, where it reports, the permit of the attempt under way, and what its retries have used.
/// </summary>
internal sealed class CallState
{
    public static readonly ResiliencePropertyKey<CallState> Key = new("MaestroQA.Call");

    public CallState(ApiRequest request, IApiLog log)
    {
        Request = request;
        Log = log;
    }

    public ApiRequest Request { get; }

    public IApiLog Log { get; }

    /// <summary>Set by the rate-limiter strategy for each attempt, so the transport can say the attempt met a new connection.</summary>
    public PermitLease? Lease { get; set; }

    public int Attempts { get; set; }

    /// <summary>Retries after a 408, a 5xx or a network failure: these count against MaxRetryCount; 429s do not.</summary>
    public int TransientRetries { get; set; }

    /// <summary>When the server first refused the call with 429 (a TimeProvider timestamp); 429s are retried for a time from then.</summary>
    public long? FirstRefusal { get; set; }
}
