using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class ExportErrorTests
{
    // The first row's comment spans two lines, so line and row numbers part ways.
    [Theory]
    [InlineData("rubric_score", "8,5", "'8,5' is not a number.")]
    [InlineData("date_graded", "=\"2020-13-45 00:00:00\"", "'2020-13-45 00:00:00' is not a date.")]
    public void AnUnreadableCellNamesFileRowColumnAndValue(string column, string value, string problem)
    {
        string csv = $"""
            gradable_id,comment,{column}
            1,"two
            lines",
            2,,"{value.Replace("\"", "\"\"")}"
            """;

        ExportFormatException error = Assert.Throws<ExportFormatException>(() => Read<object>(csv, ExportTable.TotalScores));

        Assert.Equal($"'{SourceName}' row 3, column '{column}': {problem}", error.Message);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void AnUnreadableFlagIsAnError()
    {
        ExportFormatException error = Assert.Throws<ExportFormatException>(() => Read<object>("available\nyes\n", ExportTable.AgentGroups));

        Assert.Equal($"'{SourceName}' row 2, column 'available': 'yes' is neither True nor False.", error.Message);
    }

    [Fact]
    public void WithAnInvalidRowHandler_ABadRowIsReportedAndSkipped_AndTheRestAreRead()
    {
        var reported = new List<ExportFormatException>();
        string csv = "gradable_id,rubric_score\n1,8\n2,eight\n3,9\n4,n/a\n5,10\n";

        List<string?> read = ExportReader.ReadRows(Encode(csv), ExportTable.TotalScores, SourceName, reported.Add)
            .Cast<MaestroQA.Client.Models.MqaTotalScore>().Select(row => row.GradableId).ToList();

        // 'n/a' says "no value" (as MaestroQA's exports have); only 'eight' is unreadable.
        Assert.Equal(["1", "3", "4", "5"], read);
        Assert.Equal([$"'{SourceName}' row 3, column 'rubric_score': 'eight' is not a number."], reported.Select(error => error.Message));
    }

    [Fact]
    public void BrokenQuotingEndsTheReadEvenWithAnInvalidRowHandler() =>
        Assert.Throws<ExportFormatException>(() =>
            ExportReader.ReadRows(Encode("gradable_id,comment\n1,\"ok\"\n2,\"bad\"x\n"), ExportTable.TotalScores, SourceName, _ => { }).ToList());

    [Fact]
    public void BrokenQuotingIsAnError()
    {
        ExportFormatException error = Assert.Throws<ExportFormatException>(() => Read<object>("gradable_id,comment\n1,\"ok\"\n2,\"bad\"x\n", ExportTable.TotalScores));

        Assert.StartsWith($"'{SourceName}' is not valid CSV at row 3", error.Message);
    }

    [Fact]
    public void AnEmptyFileIsAnError() =>
        Assert.Throws<ExportFormatException>(() => Read<object>("", ExportTable.Csat));

    [Fact]
    public void AHeaderWithoutRowsHasNoRows() =>
        Assert.Empty(Read<object>("gradable_id,csat_score\n", ExportTable.Csat));

    [Fact]
    public void BlankLinesAreNotRows() =>
        Assert.Equal(2, Read<object>("gradable_id,csat_score\n1,5\n\n2,4\n\n", ExportTable.Csat).Count);

    [Fact]
    public void ACsvWhoseNameMatchesNoTableNeedsTheTable()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("scores.csv", "gradable_id\n1\n");

        ExportFormatException error = Assert.Throws<ExportFormatException>(() => ExportReader.ReadFile(path).ToList());

        Assert.StartsWith("Cannot tell which export table 'scores.csv' holds: its header has none of the columns that identify one; specify the table", error.Message);
        Assert.Single(ExportReader.ReadFile(path, ExportTable.Csat));
    }
}
