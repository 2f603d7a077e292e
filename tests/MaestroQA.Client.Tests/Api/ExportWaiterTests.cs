using MaestroQA.Client.Api;

namespace MaestroQA.Client.Tests.Api;

/// <summary>The polling schedule, without a clock: what Pester cannot pin on a loaded machine.</summary>
public sealed class ExportWaiterTests
{
    [Fact]
    public void PausesGrowByHalf_UpToTheMaximum()
    {
        var pauses = new List<TimeSpan> { TimeSpan.FromMilliseconds(200) };
        while (pauses.Count < 16)
        {
            pauses.Add(ExportWaiter.NextInterval(pauses[^1], TimeSpan.FromSeconds(30)));
        }

        Assert.Equal([200, 300, 450, 675, 1_012.5, 1_518.75], pauses.Take(6).Select(pause => pause.TotalMilliseconds));
        Assert.Equal(TimeSpan.FromSeconds(30), pauses[^1]);
        Assert.All(pauses.Zip(pauses.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
    }

    [Fact]
    public void APauseLongerThanTheMaximum_IsCappedAtIt() =>
        Assert.Equal(TimeSpan.FromSeconds(30), ExportWaiter.NextInterval(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)));
}
