using System.Text;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>
/// Cutting cells and rows at every length, over text with every quoting case: quoted line breaks, escaped quotes, bare
/// formulas, blank lines, a line Sylvan skips, all three line ends. Rows within the limits read as without them, and
/// each row beyond is reported under the number a spreadsheet gives it, whatever the buffers' boundaries.
/// </summary>
public sealed class CsvCutTests
{
    private const int Unlimited = 1 << 20;

    // Each record's cells as written, and the line end after it.
    private static readonly (string[] Cells, string End)[] Records =
    [
        (["id", "text", "n"], "\r\n"),
        (["1", "\"two\r\nlines\"", "8"], "\n"),
        ([""], "\r\n"),
        (["2", "\"a \"\"quoted\"\" word\"", "9"], "\r"),
        (["\0a line Sylvan skips, \"unbalanced"], "\n"),
        (["3", "=\"2024-01-02 03:04:05\"", "7"], "\r\n"),
        (["4", "\"\"\"\"", ""], "\n"),
        (["5", "\"lone\rreturn\"", "6"], "\r\n"),
        (["6", "\"\"", "x"], "\n"),
        (["7", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""], "\r\n"),
        (["8", "a plain cell of some length", ""], "\n"),
        (["9", "a 5\" screen", "1"], "\r\n"),
        (["10", "last", "5"], string.Empty),
    ];

    // The rows as read without limits: cells as GetCell gives them (a missing value as nothing), joined by '|'.
    private static readonly string[] Expected =
    [
        "1|two\r\nlines|8",
        "2|a \"quoted\" word|9",
        "3|2024-01-02 03:04:05|7",
        "4|\"|",
        "5|lone\rreturn|6",
        "6||x",
        "7||",
        "8|a plain cell of some length|",
        "9|a 5\" screen|1",
        "10|last|5",
    ];

    private static readonly string Text = string.Concat(Records.Select(record => string.Join(",", record.Cells) + record.End));

    public static TheoryData<bool> Trickle => new() { false, true };

    [Theory]
    [MemberData(nameof(Trickle))]
    public void WithinTheLimitsEveryRowReadsAsWritten(bool trickle) =>
        Assert.Equal(Expected, Read(Unlimited, Unlimited, trickle));

    [Theory]
    [MemberData(nameof(Trickle))]
    public void AtEveryCellLimit_TheRowsWithALongerCellAreReportedAndTheOthersRead(bool trickle)
    {
        for (int limit = 4; limit <= 28; limit++)
        {
            Assert.Equal(ExpectedRows(cell => cell.Length > limit, row => false, limit, "cell"), Read(limit, Unlimited, trickle));
        }
    }

    [Theory]
    [MemberData(nameof(Trickle))]
    public void AtEveryRowLimit_TheLongerRowsAreReportedAndTheOthersRead(bool trickle)
    {
        for (int limit = 9; limit <= 32; limit++)
        {
            Assert.Equal(ExpectedRows(cell => false, row => row.Length > limit, limit, "row"), Read(Unlimited, limit, trickle));
        }
    }

    [Theory]
    [InlineData(3, Unlimited, "column 2 of its header row is 4 characters long, more than the 3 a cell may hold")]
    [InlineData(Unlimited, 8, "its header row is 9 characters long, more than the 8 a row may hold")]
    public void AHeaderBeyondTheLimitsIsNoExportCsv(int maxCell, int maxRow, string problem)
    {
        ExportFormatException error = Assert.Throws<ExportFormatException>(() => Read(maxCell, maxRow, trickle: false));

        Assert.Equal($"'t.csv' is not an export CSV: {problem}. A header row names the columns, in a few words each.", error.Message);
    }

    // A lone CR ends a record wherever it falls; Sylvan's vectorized path, which long lines take, would read it as text.
    [Fact]
    public void ALoneCarriageReturnEndsARowInLongLinesToo()
    {
        string padding = new('x', 100);
        string csv = $"gradable_id,comment\r\n1,{padding}\r2,{padding}\r\n3,{padding}{padding}\r\n";

        Assert.Equal([$"1|{padding}", $"2|{padding}", $"3|{padding}{padding}"], ReadText(csv, Unlimited, Unlimited, trickle: false));
    }

    // What Sylvan is handed: a cut cell ends where it is cut (a quoted one closed there), the rest of its record is left
    // out, and a lone CR ends a record as LF. No record handed on is much longer than the row limit, so none outgrows Sylvan.
    [Theory]
    [InlineData("id,text\n1,abcdefghijkl\n2,ok\n", 6, 100, "id,text\n1,abcdef\n2,ok\n")]
    [InlineData("id,text\n1,\"ab\"\"cd,\nef\"\n2,ok\n", 6, 100, "id,text\n1,\"ab\"\"c\"\n2,ok\n")]
    [InlineData("id,text\r\n1,\"abcdefgh\",x\r2,ok\r\n", 6, 100, "id,text\r\n1,\"abcde\"\n2,ok\r\n")]
    [InlineData("id\n7,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n8,a\n", 100, 10, "id\n7,,,,,,,,,\n8,a\n")]
    [InlineData("id\n\0a line Sylvan skips, however long\n8,a\n", 100, 10, "id\n\0a line Sy\n8,a\n")]
    public void WhatSylvanIsHandedIsCutToTheLimits(string csv, int maxCell, int maxRow, string handed)
    {
        using var text = new LimitedCsvText(new StringReader(csv), maxCell, maxRow);

        Assert.Equal(handed, text.ReadToEnd());
    }

    private static List<string> ExpectedRows(Func<string, bool> cellTooLong, Func<string, bool> rowTooLong, int limit, string kind)
    {
        var expected = new List<string>();
        int rowNumber = 1;
        int read = 0;
        foreach ((string[] cells, _) in Records.Skip(1))
        {
            if (cells[0].StartsWith('\0'))
            {
                continue;
            }

            rowNumber++;
            if (cells is [""])
            {
                continue;
            }

            string row = string.Join(",", cells);
            int column = Array.FindIndex(cells, cell => cellTooLong(cell));
            string header = Records[0].Cells[Math.Max(column, 0)];
            expected.Add(
                column >= 0 ? $"'t.csv' row {rowNumber}, column '{header}': the cell is {cells[column].Length} characters long, more than the {limit} a {kind} may hold."
                : rowTooLong(row) ? $"'t.csv' row {rowNumber}: the row is {row.Length} characters long, more than the {limit} a {kind} may hold."
                : Expected[read]);
            read++;
        }

        return expected;
    }

    private static List<string> Read(int maxCell, int maxRow, bool trickle) => ReadText(Text, maxCell, maxRow, trickle);

    private static List<string> ReadText(string csv, int maxCell, int maxRow, bool trickle)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(csv);
        using Stream stream = trickle ? new TrickleStream(bytes) : new MemoryStream(bytes);
        using ExportCsvReader reader = ExportCsvReader.OpenUnlessEmpty(stream, "t.csv", maxCellLength: maxCell, maxRowLength: maxRow)!;
        var rows = new List<string>();
        while (reader.ReadNextRow())
        {
            rows.Add(reader.Oversized?.Message ?? string.Join("|", Enumerable.Range(0, reader.ColumnCount).Select(reader.GetCell)));
        }

        return rows;
    }
}
