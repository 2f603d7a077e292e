using System.Text;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>Counting a CSV's rows without reading its values, as the readers would read them.</summary>
public sealed class ExportRowCounterTests
{
    private const string Header = "gradable_id,comment,grader";

    [Theory]
    [InlineData("", 0)]
    [InlineData(Header, 0)]
    [InlineData(Header + "\n", 0)]
    [InlineData(Header + "\n1,a,b", 1)]
    [InlineData(Header + "\n1,a,b\n2,c,d\n", 2)]
    [InlineData(Header + "\r\n1,a,b\r\n2,c,d\r\n", 2)]
    [InlineData(Header + "\r1,a,b\r2,c,d\r", 2)]
    [InlineData(Header + "\n\n1,a,b\n\n\r\n2,c,d\n\n", 2)]
    [InlineData(Header + "\n1,\"two\nlines\",b\n2,\"three\r\nlines\r\nhere\",d\n", 2)]
    [InlineData(Header + "\n1,\"a \"\"quoted\"\" word, and a comma\",b\n2,\"\"\"\n\"\"\",d\n", 2)]
    [InlineData(Header + "\n1,x,=\"2024-01-02 03:04:05\"\n2,y,=\"2024-01-02 03:04:05.678\"\n", 2)]
    [InlineData(Header + "\n1,a 5\" screen,b\n2,c,d\n", 2)]
    [InlineData(Header + "\n\"\"\n1,a,b\n", 1)]
    public void CountsTheDataRows(string csv, long rows)
    {
        Assert.Equal(rows, Count(csv, withBom: false));
        Assert.Equal(rows, Count(csv, withBom: true));
    }

    [Theory]
    [InlineData(Header + "\n1,\"two\nlines\",b\n\n2,c,=\"2024-01-02 03:04:05\"\r\n3,\"\"\"\",d\r4,e,f")]
    [InlineData(Header + "\r\n\"1\",\"a,b\",\"c\r\nd\"\r\n\r\n\"2\",\"\",\"\"\r\n")]
    public void CountsWhatTheReaderReads(string csv)
    {
        List<MqaExportRow> read = ExportReader.ReadRows(ExportCsv.Encode(csv), ExportTable.TotalScores, "test.csv").ToList();

        Assert.Equal(read.Count, Count(csv, withBom: false));
    }

    [Fact]
    public void CountsAFileTooBigToHold_AndReadsItToItsEnd()
    {
        using var csv = new GeneratedCsvStream(Header, "1,\"a comment, with\r\nlines\",=\"2020-06-24 12:34:56.789\"", 150_000);

        Assert.Equal(150_000, ExportRowCounter.CountDataRows(csv));
        Assert.Equal(csv.TotalBytes, csv.BytesRead);
    }

    [Fact]
    public void LeavesTheStreamOpen()
    {
        using MemoryStream csv = ExportCsv.Encode(Header + "\n1,a,b\n");

        ExportRowCounter.CountDataRows(csv);

        Assert.True(csv.CanRead);
    }

    private static long Count(string csv, bool withBom)
    {
        using MemoryStream stream = ExportCsv.Encode(csv, withBom);
        return ExportRowCounter.CountDataRows(stream);
    }
}
