using MaestroQA.Client.Sync;

namespace MaestroQA.Client.Tests.Sync;

/// <summary>Where a run ends, on a fixed clock: now minus -Lag, in whole seconds, or an earlier -EndDate.</summary>
public sealed class SyncEndTests
{
    private static readonly DateTime Now = new(2024, 6, 15, 12, 34, 56, 789, DateTimeKind.Utc);

    [Fact]
    public void WithoutAnEnd_ARunEndsAtNowMinusTheLag_InWholeSeconds()
    {
        Assert.Equal(new DateTime(2024, 6, 15, 11, 34, 56, DateTimeKind.Utc), SyncEnd.For(Now, SyncEnd.DefaultLag, endDate: null, out bool capped));
        Assert.False(capped);
        Assert.Equal(new DateTime(2024, 6, 14, 12, 34, 56, DateTimeKind.Utc), SyncEnd.For(Now, TimeSpan.FromDays(1), endDate: null, out _));
    }

    [Fact]
    public void AnEndBeforeThat_IsKept_AndOneAfterIsCapped()
    {
        var earlier = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(earlier, SyncEnd.For(Now, SyncEnd.DefaultLag, earlier, out bool kept));
        Assert.False(kept);

        Assert.Equal(new DateTime(2024, 6, 15, 11, 34, 56, DateTimeKind.Utc), SyncEnd.For(Now, SyncEnd.DefaultLag, Now, out bool capped));
        Assert.True(capped);
    }
}
