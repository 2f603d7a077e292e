using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

public sealed class EmptyFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    public void AnEmptyCsvSaysItIsEmptyAndNamesTheFile(string content)
    {
        string path = _directory.Write("csat.csv", content);

        ExportFormatException error = Assert.Throws<ExportFormatException>(() => ExportReader.ReadFile(path).ToList());

        Assert.Equal("'csat.csv' is empty: it has no header row, so it holds no export table.", error.Message);
    }

    [Fact]
    public void AnEmptyCsvReadAsATableSaysSoToo()
    {
        ExportFormatException error = Assert.Throws<ExportFormatException>(() =>
            ExportReader.ReadRows(new MemoryStream(), ExportTable.Csat, "csat.csv").ToList());

        Assert.Equal("'csat.csv' is empty: it has no header row, so it holds no export table.", error.Message);
    }

    [Fact]
    public void AnEmptyZipEntryIsSkippedAsEmpty()
    {
        string zip = _directory.WriteZip("export.zip", ("total_scores.csv", "gradable_id,rubric_score\n1,8\n"), ("csat.csv", ""));
        var skipped = new List<string>();

        List<MqaExportRow> rows = ExportReader.ReadFile(zip, new ExportReadOptions { OnSkipped = skipped.Add }).ToList();

        Assert.Single(rows);
        Assert.Equal(["'export.zip' entry 'csat.csv' is empty; skipped."], skipped);
    }

    [Fact]
    public void AZipWhoseOnlyEntryOfTheTableIsEmptySaysSo()
    {
        string zip = _directory.WriteZip("export.zip", ("total_scores.csv", "gradable_id,rubric_score\n1,8\n"), ("csat.csv", ""));

        ExportFormatException error = Assert.Throws<ExportFormatException>(() => ExportReader.ReadFile(zip, ExportTable.Csat).ToList());

        Assert.Equal("'export.zip' holds no Csat table; it holds total_scores.csv (TotalScores), csat.csv (empty).", error.Message);
    }

    [Fact]
    public void AnEmptyEntryReadOnItsOwnSaysItIsEmpty()
    {
        string zip = _directory.WriteZip("export.zip", ("export/csat.csv", ""));
        using ExportArchive archive = ExportArchive.Open(zip);

        ExportFormatException error = Assert.Throws<ExportFormatException>(() => archive.Entries[0].ReadRows(ExportTable.Csat).ToList());

        Assert.Equal("'export/csat.csv' is empty: it has no header row, so it holds no export table.", error.Message);
    }
}
