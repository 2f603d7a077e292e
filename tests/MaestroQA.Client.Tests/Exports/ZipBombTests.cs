using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>-Expand refuses an archive whose expanded size or ratio no export has, and checks every file before writing any.</summary>
public sealed class ZipBombTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void AnAbsurdRatio_IsRefusedBeforeAnythingIsWritten()
    {
        string zip = WriteZip(("zeros.csv", new string('0', 1_000_000)));
        string target = Path.Combine(_directory.Path, "out");

        var error = Assert.Throws<ExportFormatException>(() => SafeZipExtractor.Extract(zip, target, overwrite: false, maxExpandedBytes: long.MaxValue, maxCompressionRatio: 100));

        Assert.Contains($"would expand to {1_000_000:N0} bytes", error.Message, StringComparison.Ordinal); // in the user's number format
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void AnAbsurdSize_IsRefused()
    {
        string zip = WriteZip(("a.csv", "gradable_id\n1\n"), ("b.csv", "gradable_id\n2\n"));

        Assert.Throws<ExportFormatException>(() => SafeZipExtractor.Extract(zip, Path.Combine(_directory.Path, "out"), overwrite: false, maxExpandedBytes: 20, maxCompressionRatio: double.MaxValue));
    }

    [Fact]
    public void AnExportSizedArchive_Expands() =>
        Assert.Equal(2, SafeZipExtractor.Extract(WriteZip(("a.csv", "x\n1\n"), ("b.csv", "y\n2\n")), Path.Combine(_directory.Path, "out"), overwrite: false).Count);

    [Fact]
    public void AnExistingFile_StopsTheWholeExtraction_UnlessOverwriting()
    {
        string zip = WriteZip(("a.csv", "x\n1\n"), ("b.csv", "y\n2\n"));
        string target = Path.Combine(_directory.Path, "out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "b.csv"), "mine");

        var error = Assert.Throws<ExportFileException>(() => SafeZipExtractor.Extract(zip, target, overwrite: false));

        Assert.True(error.Exists);
        Assert.False(File.Exists(Path.Combine(target, "a.csv")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "b.csv")));
        Assert.Equal(2, SafeZipExtractor.Extract(zip, target, overwrite: true).Count);
        Assert.Equal("y\n2\n", File.ReadAllText(Path.Combine(target, "b.csv")));
    }

    public void Dispose() => _directory.Dispose();

    private string WriteZip(params (string Name, string Content)[] entries) => _directory.WriteZip(Guid.NewGuid().ToString("N") + ".zip", entries);
}
