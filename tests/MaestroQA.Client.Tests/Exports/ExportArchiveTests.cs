using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

public sealed class ExportArchiveTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void WithoutATableEveryKnownCsvIsReadInArchiveOrder()
    {
        string zip = WriteRawExportZip();

        List<MqaExportRow> rows = ExportReader.ReadFile(zip).ToList();

        Assert.Collection(
            rows,
            row => Assert.Equal("t1", Assert.IsType<MqaTotalScore>(row).GradableId),
            row => Assert.Equal("t2", Assert.IsType<MqaTotalScore>(row).GradableId),
            row => Assert.Equal("s1", Assert.IsType<MqaSectionScore>(row).GradableId),
            row => Assert.Equal("i1", Assert.IsType<MqaAnswerScore>(row).GradableId),
            row => Assert.Equal("n1", Assert.IsType<MqaAnnotation>(row).GradableId),
            row => Assert.Equal(5, Assert.IsType<MqaCsat>(row).CsatScore));
    }

    [Fact]
    public void ATableFilterReadsOnlyThatTable()
    {
        string zip = WriteRawExportZip();

        MqaExportRow row = Assert.Single(ExportReader.ReadFile(zip, ExportTable.IndividualAnswers));

        Assert.Equal("Sí", Assert.IsType<MqaAnswerScore>(row).AnswerLabel);
    }

    [Fact]
    public void EntriesListTheFilesWithTheirTables()
    {
        using ExportArchive archive = ExportArchive.Open(WriteRawExportZip());

        Assert.Equal(
            [
                ("export/total_scores.csv", ExportTable.TotalScores),
                ("export/section_scores.csv", ExportTable.SectionScores),
                ("export/individual_answers.csv", ExportTable.IndividualAnswers),
                ("export/annotations.csv", ExportTable.Annotations),
                ("export/calibrations.csv", null),
                ("export/readme.txt", null),
                ("export/csat.csv", ExportTable.Csat),
            ],
            archive.Entries.Select(entry => (entry.Name, entry.Table)));
        ExportEntry calibrations = archive.Entries[4];
        ExportFormatException error = Assert.Throws<ExportFormatException>(() => calibrations.ReadRows().ToList());
        Assert.Contains("'export/calibrations.csv'", error.Message);
        Assert.Equal("c1", Assert.IsType<MqaCsat>(Assert.Single(calibrations.ReadRows(ExportTable.Csat))).GradableId);
    }

    [Fact]
    public void AMissingTableIsAnErrorListingWhatTheArchiveHolds()
    {
        string zip = WriteZip("partial.zip", ("total_scores.csv", "gradable_id\n1\n"), ("csat.csv", "gradable_id\n1\n"));

        ExportFormatException error = Assert.Throws<ExportFormatException>(() => ExportReader.ReadFile(zip, ExportTable.Annotations).ToList());

        Assert.Equal("'partial.zip' holds no Annotations table; it holds total_scores.csv (TotalScores), csat.csv (Csat).", error.Message);
    }

    [Fact]
    public void ASingleCsvFileIsReadByItsName()
    {
        string path = _directory.Write("Weekly - audit_log.csv", "activity_id,time_stamp\nact-1,2023-03-04T05:06:07Z\n");

        MqaExportRow row = Assert.Single(ExportReader.ReadFile(path));

        Assert.Equal("act-1", Assert.IsType<MqaAuditLogEntry>(row).ActivityId);
    }

    private string WriteRawExportZip() => WriteZip(
        "raw.zip",
        ("export/total_scores.csv", "\uFEFFgradable_id,rubric_score\nt1,1\nt2,2\n"),
        ("export/section_scores.csv", "gradable_id,section_score\ns1,3\n"),
        ("export/individual_answers.csv", "gradable_id,answer_label\ni1,Sí\n"),
        ("export/annotations.csv", "gradable_id,comment\nn1,\"a, b\"\n"),
        ("export/calibrations.csv", "gradable_id\nc1\n"),
        ("export/readme.txt", "not a table"),
        ("export/csat.csv", "gradable_id,csat_score\nc1,5\n"));

    private string WriteZip(string fileName, params (string Name, string Content)[] entries) => _directory.WriteZip(fileName, entries);
}
