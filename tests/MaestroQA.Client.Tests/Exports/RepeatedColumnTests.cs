using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>A header that names a column twice: the first is read, the others ignored, and a warning says so once per file.</summary>
public sealed class RepeatedColumnTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void AKnownColumnNamedTwiceIsReadFromItsFirstPlace_AndOneWarningSaysSo()
    {
        var warnings = new List<string>();

        List<MqaTotalScore> rows = ReadTotalScores("gradable_id,rubric_score,gradable_id\n1,8,one\n2,9,two\n3,7,three\n", warnings);

        Assert.Equal(["1", "2", "3"], rows.Select(row => row.GradableId));
        Assert.All(rows, row => Assert.Empty(row.GetAdditionalColumns()));
        Assert.Equal(
            ["'test.csv' repeats a column in its header: 'gradable_id' at columns 1 and 3 (column 1 is read, column 3 is ignored)."],
            warnings);
    }

    [Fact]
    public void HeadersCompareAsTheCatalogComparesThem_WhateverTheirSpelling()
    {
        var warnings = new List<string>();

        List<MqaTotalScore> rows = ReadTotalScores("Rubric Score,gradable_id, RUBRIC_SCORE\n8,1,9\n", warnings);

        Assert.Equal(8, Assert.Single(rows).RubricScore);
        Assert.Equal(
            ["'test.csv' repeats a column in its header: 'Rubric Score' at column 1 and ' RUBRIC_SCORE' at column 3 (column 1 is read, column 3 is ignored)."],
            warnings);
    }

    [Fact]
    public void AnUnknownColumnNamedTwiceKeepsItsFirstValue_AndEveryRepeatIsInOneWarning()
    {
        var warnings = new List<string>();

        MqaTotalScore row = Assert.Single(ReadTotalScores("gradable_id,new_metric,gradable_id,New Metric,new_metric\n1,a,2,b,c\n", warnings));

        Assert.Equal("1", row.GradableId);
        Assert.Equal(new Dictionary<string, string?> { ["new_metric"] = "a" }, row.GetAdditionalColumns());
        Assert.Equal(
            ["'test.csv' repeats columns in its header: 'gradable_id' at columns 1 and 3 (column 1 is read, column 3 is ignored); "
             + "'new_metric' at column 2, 'New Metric' at column 4 and 'new_metric' at column 5 (column 2 is read, columns 4 and 5 are ignored)."],
            warnings);
    }

    [Fact]
    public void AHeaderWithoutRepeatsWarnsNothing()
    {
        var warnings = new List<string>();

        Assert.Single(ReadTotalScores("gradable_id,rubric_score,new_metric\n1,8,x\n", warnings));

        Assert.Empty(warnings);
    }

    [Fact]
    public void InAZip_EachEntryWarnsOfItsOwnRepeats_NamingTheZipAndTheEntry()
    {
        string zip = _directory.WriteZip(
            "export.zip",
            ("export/total_scores.csv", "gradable_id,rubric_score,rubric_score\n1,8,9\n"),
            ("export/csat.csv", "gradable_id,csat_score\nc1,5\n"),
            ("export/annotations.csv", "annotation_id,gradable_id,annotation_id\na1,1,a2\n"));
        var seen = new List<string>();

        foreach (MqaExportRow row in ExportReader.ReadFile(zip, new ExportReadOptions { OnWarning = warning => seen.Add("warning: " + warning) }))
        {
            seen.Add("row " + row.GetType().Name);
        }

        Assert.Equal(
            [
                "warning: 'export.zip' entry 'export/total_scores.csv' repeats a column in its header: 'rubric_score' at columns 2 and 3 (column 2 is read, column 3 is ignored).",
                "row MqaTotalScore",
                "row MqaCsat",
                "warning: 'export.zip' entry 'export/annotations.csv' repeats a column in its header: 'annotation_id' at columns 1 and 3 (column 1 is read, column 3 is ignored).",
                "row MqaAnnotation",
            ],
            seen);
    }

    [Fact]
    public void ReadAhead_WarningsComeOnTheCallersThread_InOrderWithTheRows()
    {
        string path = _directory.Write("csat.csv", "gradable_id,csat_score,csat_score\n1,5,4\n2,3,2\n");
        int callerThread = Environment.CurrentManagedThreadId;
        var seen = new List<string>();
        var options = new ExportReadOptions
        {
            OnWarning = warning =>
            {
                Assert.Equal(callerThread, Environment.CurrentManagedThreadId);
                seen.Add("warning");
            },
        };

        foreach (MqaExportRow row in ExportReadAhead.ReadFile(path, options, CancellationToken.None))
        {
            seen.Add("row " + ((MqaCsat)row).CsatScore);
        }

        Assert.Equal(["warning", "row 5", "row 3"], seen);
    }

    private static List<MqaTotalScore> ReadTotalScores(string csv, List<string> warnings)
    {
        using MemoryStream stream = Encode(csv);
        return ExportReader.ReadRows(stream, ExportTable.TotalScores, new ExportReadOptions { OnWarning = warnings.Add }, SourceName).Cast<MqaTotalScore>().ToList();
    }
}
