using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>Cells and rows longer than <see cref="ExportCsvLimits"/> cost their row only; those within are read whole.</summary>
public sealed class OversizedCellTests
{
    private const string Header = "gradable_id,comment,rubric_score";
    private const int TwentyMegabytes = 20 * 1024 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AHugeCellCostsItsRowOnly_AndTheErrorNamesFileRowColumnAndSize(bool quoted)
    {
        string cell = quoted ? $"\"{new string('x', TwentyMegabytes - 2)}\"" : new string('x', TwentyMegabytes);
        var reported = new List<ExportFormatException>();

        List<MqaTotalScore> rows = ReadTotalScores($"{Header}\n1,{cell},8\n2,fine,9\n", reported.Add);

        Assert.Equal(["2"], rows.Select(row => row.GradableId));
        Assert.Equal(9, rows[0].RubricScore);
        Assert.Equal(
            ["'big.csv' row 2, column 'comment': the cell is 20,971,520 characters long, more than the 8,388,608 a cell may hold."],
            reported.Select(error => error.Message));
    }

    [Fact]
    public void WithoutAnInvalidRowHandler_AHugeCellEndsTheReadAsAnUnreadableCellDoes()
    {
        ExportFormatException error = Assert.Throws<ExportFormatException>(() => ReadTotalScores($"{Header}\n1,{new string('x', TwentyMegabytes)},8\n2,fine,9\n", null));

        Assert.StartsWith("'big.csv' row 2, column 'comment': the cell is 20,971,520 characters long", error.Message);
    }

    [Fact]
    public void ACellOfAFewMegabytesIsReadWhole_QuotesCommasAndLineBreaksIncluded()
    {
        string comment = string.Concat(Enumerable.Repeat("Said \"no\", then\r\nleft. ", 3 * 1024 * 1024 / 24));
        string csv = $"{Header}\n1,\"{comment.Replace("\"", "\"\"")}\",8\n2,fine,9\n";

        List<MqaTotalScore> rows = ReadTotalScores(csv, error => Assert.Fail(error.Message));

        Assert.True(comment.Length > 3_000_000);
        Assert.Equal(comment, rows[0].Comment);
        Assert.Equal(["1", "2"], rows.Select(row => row.GradableId));
    }

    [Fact]
    public void ARowOfLongCellsCostsItsRowOnly_WhenTogetherTheyAreTooLong()
    {
        string cell = new('x', 6 * 1024 * 1024);
        var reported = new List<ExportFormatException>();

        List<MqaTotalScore> rows = ReadTotalScores($"gradable_id,comment,grader,rubric_name\n1,{cell},{cell},{cell}\n2,fine,g,r\n", reported.Add);

        Assert.Equal(["2"], rows.Select(row => row.GradableId));
        Assert.Equal(
            ["'big.csv' row 2: the row is 18,874,372 characters long, more than the 16,777,216 a row may hold."],
            reported.Select(error => error.Message));
    }

    [Fact]
    public void AHeaderCellTooLongIsAnErrorForTheWholeFile()
    {
        ExportFormatException error = Assert.Throws<ExportFormatException>(() => ReadTotalScores($"gradable_id,{new string('h', TwentyMegabytes)}\n1,2\n", _ => { }));

        Assert.Equal(
            "'big.csv' is not an export CSV: column 2 of its header row is 20,971,520 characters long, more than the 8,388,608 a cell may hold. A header row names the columns, in a few words each.",
            error.Message);
    }

    [Fact]
    public void AQuoteNeverClosedIsNotCsv_EvenPastTheLimit()
    {
        ExportFormatException error = Assert.Throws<ExportFormatException>(() => ReadTotalScores($"{Header}\n1,\"{new string('x', TwentyMegabytes)}\n2,fine,9\n", _ => { }));

        Assert.Equal(
            "'big.csv' is not valid CSV at row 2: the quote that opens the cell in column 'comment' is never closed, so the cell runs 20,971,531 characters to the end of the file.",
            error.Message);
    }

    private static List<MqaTotalScore> ReadTotalScores(string csv, Action<ExportFormatException>? onInvalidRow) =>
        ExportReader.ReadRows(Encode(csv), ExportTable.TotalScores, "big.csv", onInvalidRow).Cast<MqaTotalScore>().ToList();
}
