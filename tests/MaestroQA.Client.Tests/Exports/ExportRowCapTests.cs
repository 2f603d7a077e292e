using System.Globalization;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>A table as long as an export's documented cap ("10,000 to 50,000 scores") may have been cut short: the user is told.</summary>
public sealed class ExportRowCapTests : IDisposable
{
    private const string Expected =
        "{0} holds {1} rows of csat, so it may be cut short: MaestroQA documents that one export holds \"10,000 to 50,000 scores\", and not whether it drops the rest of a larger one without a word. If the export covers a date range, request smaller windows (-ChunkDays of Invoke-MqaRawExport or Sync-MqaExport) until each holds fewer than 10,000 rows.";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(0, false)]
    [InlineData(9_999, false)]
    [InlineData(10_000, true)]
    [InlineData(50_000, true)]
    public void TheThresholdIsTheLowEndOfTheDocumentedRange(long rows, bool mayBeCapped)
    {
        Assert.Equal(10_000, ExportRowCap.WarningThreshold);
        Assert.Equal(mayBeCapped, ExportRowCap.MayBeCapped(rows));
    }

    [Fact]
    public void TheWarningNamesWhereTheTableTheCountTheRangeAndWhatToDo_InAnyCulture()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(
                string.Format(Expected, "Raw window 2024-01-01 00:00:00Z to 2024-01-08 00:00:00Z", "12,345"),
                ExportRowCap.Warning("Raw window 2024-01-01 00:00:00Z to 2024-01-08 00:00:00Z", ExportTable.Csat, 12_345));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(9_999, false)]
    [InlineData(10_000, true)]
    public void ReadingAFile_WarnsOnceItsRowsAreRead(int rows, bool warns)
    {
        string path = WriteCsat("csat.csv", rows);
        var seen = new List<string>();

        foreach (MqaExportRow row in ExportReader.ReadFile(path, new ExportReadOptions { OnWarning = seen.Add }))
        {
            seen.Add("row");
        }

        Assert.Equal(rows, seen.Count(item => item == "row"));
        Assert.Equal(warns ? [string.Format(Expected, "'csat.csv'", "10,000")] : [], seen.Where(item => item != "row"));
        Assert.Equal(warns, seen[^1] != "row");
    }

    [Fact]
    public void ReadingAZip_WarnsPerEntry_NamingTheZipAndTheEntry()
    {
        string zip = _directory.WriteZip("export.zip", ("export/csat.csv", CsatCsv(10_000)), ("export/total_scores.csv", "gradable_id,rubric_score\n1,8\n"));
        var warnings = new List<string>();

        Assert.Equal(10_001, ExportReader.ReadFile(zip, new ExportReadOptions { OnWarning = warnings.Add }).Count());

        Assert.Equal([string.Format(Expected, "'export.zip' entry 'export/csat.csv'", "10,000")], warnings);
    }

    [Fact]
    public void AFileOfAKnownTable_IsToldByItsHeader_WhateverItsName()
    {
        Assert.Equal(string.Format(Expected, "'x'", "10,000"), ExportRowCap.WarningForCsvFile(WriteCsat("part 1.csv", 10_000), "'x'"));
        Assert.Null(ExportRowCap.WarningForCsvFile(WriteCsat("csat.csv", 9_999), "'x'"));
    }

    [Theory]
    [InlineData("readme.txt", "This export was made for the Q1 review.\n")]
    [InlineData("empty.csv", "")]
    [InlineData("other.csv", "id,name\n1,a\n")]
    public void AFileOfNoKnownTableWarnsNothing(string name, string content) =>
        Assert.Null(ExportRowCap.WarningForCsvFile(_directory.Write(name, content + string.Concat(Enumerable.Repeat("1,a\n", 10_000))), "'x'"));

    private static string CsatCsv(int rows) => "gradable_id,csat_score\n" + string.Concat(Enumerable.Range(1, rows).Select(row => $"c{row},5\n"));

    private string WriteCsat(string name, int rows) => _directory.Write(name, CsatCsv(rows));
}
