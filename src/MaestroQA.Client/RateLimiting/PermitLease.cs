using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace MaestroQA.Client.RateLimiting;

/// <summary>A lease from <see cref="ApiRateLimiter"/>; a denied one says how long until a permit would be granted.</summary>
internal sealed class PermitLease : RateLimitLease
{
    private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

    private readonly TimeSpan? _retryAfter;
    private Action<bool>? _onRelease;
    private volatile bool _cold;

    private PermitLease(bool isAcquired, TimeSpan? retryAfter, Action<bool>? onRelease = null, bool cold = false)
    {
        IsAcquired = isAcquired;
        _retryAfter = retryAfter;
        _onRelease = onRelease;
        _cold = cold;
    }

    /// <summary>A permit probed with 0: nothing was recorded, so nothing happens on release.</summary>
    public static PermitLease Acquired { get; } = new(isAcquired: true, retryAfter: null);

    /// <summary>For waiters the limiter drops when disposed: no permit will ever come.</summary>
    public static PermitLease Abandoned { get; } = new(isAcquired: false, retryAfter: null);

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : RetryAfterOnly;

    /// <summary>For a denied lease: how long until a permit would be granted, counting the queue ahead.</summary>
    public TimeSpan? RetryAfter => _retryAfter;

    public static PermitLease Denied(TimeSpan retryAfter) => new(isAcquired: false, retryAfter);

    /// <summary>
    /// A recorded permit. Polly releases it when the attempt it paced has its answer, which is when
    /// <paramref name="onRelease"/> runs (once), told whether the attempt may have reached the server late.
    /// </summary>
    public static PermitLease Granted(Action<bool> onRelease, bool cold) => new(isAcquired: true, retryAfter: null, onRelease, cold);

    /// <summary>The attempt had to open a connection first, so it may have reached the server well after its grant.</summary>
    public void MarkCold() => _cold = true;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            System.Threading.Interlocked.Exchange(ref _onRelease, null)?.Invoke(_cold);
        }
    }

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is TimeSpan retryAfter && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
