using MaestroQA.Client.Exports;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>A file that appears whole or not at all, its temporary beside it named for what it will be.</summary>
public sealed class AtomicFileTests
{
    [Theory]
    [InlineData(".mqa-sync.json", @"^\.mqa-sync\.json\.[0-9a-f]{32}\.tmp$")]
    [InlineData("total_scores", @"^\.total_scores\.[0-9a-f]{32}\.tmp$")]
    public void TheTemporaryFile_IsHidden_AndNamedForItsTarget_WithOneLeadingDot(string name, string pattern)
    {
        using var folder = new TempDirectory();
        using AtomicFile file = AtomicFile.Create(folder.Path, name);

        Assert.Matches(pattern, Path.GetFileName(file.TemporaryPath));
    }

    [Fact]
    public void AnAbandonedWrite_LeavesNothing_AndTheTargetAsItWas()
    {
        using var folder = new TempDirectory();
        string target = folder.Write("state.json", "old");

        using (AtomicFile file = AtomicFile.Create(folder.Path, "state.json"))
        {
            file.Stream.Write([1, 2, 3], 0, 3);
        }

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["state.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WithoutOverwrite_AnExistingTarget_IsAnError_AndStaysAsItWas()
    {
        using var folder = new TempDirectory();
        string target = folder.Write("lock", "held");

        Assert.Throws<IOException>(() => AtomicFile.WriteAllBytes(target, [1], overwrite: false));

        Assert.Equal("held", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}
