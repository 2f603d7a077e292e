using System.Threading.RateLimiting;

namespace MaestroQA.Client.Tests.RateLimiting;

internal static class DeniedLease
{
    /// <summary>Asserts the lease was denied and returns how long it says to wait.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease)
    {
        Assert.False(lease.IsAcquired);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter));
        return retryAfter;
    }
}
