using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>
/// Unzipping an export into "out" writes under "out" or nothing at all, whatever the entry names say, on Linux as on
/// Windows: a backslash counts as a separator everywhere, so a zip is judged the same on both.
/// </summary>
public sealed class SafeZipExtractorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public SafeZipExtractorTests() => Target = Path.Combine(_temp.Path, "out");

    private string Target { get; }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("../out-evil/x.csv")] // a sibling whose name starts with the target's: a prefix test without the separator lets it by
    [InlineData("../out/../out-evil/x.csv")]
    [InlineData("../x.csv")]
    [InlineData("sub/../../x.csv")]
    [InlineData("sub/../../out-evil/x.csv")]
    [InlineData("a\\..\\..\\x.csv")] // climbs out on Windows; a single odd file name on Linux, refused on both
    [InlineData("..\\out-evil\\x.csv")]
    [InlineData("\\tmp\\mqa-zip-slip\\x.csv")]
    [InlineData("C:\\mqa-zip-slip\\x.csv")]
    [InlineData("C:/mqa-zip-slip/x.csv")]
    [InlineData("C:x.csv")] // relative to drive C's current folder on Windows
    [InlineData("\\\\server\\share\\x.csv")]
    [InlineData("//server/share/x.csv")]
    [InlineData("x.csv:hidden")] // an alternate data stream on NTFS
    public void AnEntryThatWouldLandOutsideTheTarget_IsRefused_AndNothingIsWritten(string hostileName)
    {
        string zip = WriteZip("total_scores.csv", hostileName, "section_scores.csv");

        var refused = Assert.Throws<ExportFormatException>(() => SafeZipExtractor.Extract(zip, Target, overwrite: false));

        Assert.Contains(hostileName, refused.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was extracted", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["export.zip"], FilesUnder(_temp.Path));
    }

    [Fact]
    public void WellFormedEntries_AreWrittenUnderTheTarget_AndReturned()
    {
        string zip = WriteZip("total_scores.csv", "nested/csat.csv", "dir/", "sub/../annotations.csv");

        IReadOnlyList<string> written = SafeZipExtractor.Extract(zip, Target, overwrite: false);

        string[] expected = ["out/total_scores.csv", "out/nested/csat.csv", "out/annotations.csv"];
        Assert.Equal(expected, written.Select(path => Path.GetRelativePath(_temp.Path, path).Replace('\\', '/')));
        Assert.Equal(["export.zip", .. expected.Order(StringComparer.Ordinal)], FilesUnder(_temp.Path));
        Assert.Equal("content of total_scores.csv", File.ReadAllText(Path.Combine(Target, "total_scores.csv")));
    }

    [Fact]
    public void ABackslash_IsAFolderSeparator_OnEverySystem()
    {
        string zip = WriteZip("nested\\csat.csv");

        IReadOnlyList<string> written = SafeZipExtractor.Extract(zip, Target, overwrite: false);

        Assert.Equal(Path.Combine(Target, "nested", "csat.csv"), Assert.Single(written));
        Assert.Equal("content of nested\\csat.csv", File.ReadAllText(Path.Combine(Target, "nested", "csat.csv")));
    }

    [Fact]
    public void AnAbsoluteName_IsRefused()
    {
        string elsewhere = Path.Combine(_temp.Path, "elsewhere", "x.csv");
        string zip = WriteZip("total_scores.csv", elsewhere);

        Assert.Throws<ExportFormatException>(() => SafeZipExtractor.Extract(zip, Target, overwrite: false));
        Assert.Equal(["export.zip"], FilesUnder(_temp.Path));
    }

    [Fact]
    public void ATargetGivenWithATrailingSeparator_StillRefusesItsSibling()
    {
        string zip = WriteZip("../out-evil/x.csv");

        Assert.Throws<ExportFormatException>(() => SafeZipExtractor.Extract(zip, Target + Path.DirectorySeparatorChar, overwrite: false));
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "out-evil")));
    }

    /// <summary>A zip beside the target holding one small text entry per name, named exactly as given.</summary>
    private string WriteZip(params string[] entryNames) =>
        _temp.WriteZip("export.zip", entryNames.Select(name => (name, "content of " + name)).ToArray());

    /// <summary>Every file under <paramref name="folder"/>, relative and with forward slashes, sorted.</summary>
    private static string[] FilesUnder(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
