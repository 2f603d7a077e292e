using System.Globalization;
using MaestroQA.Client.Exports;

namespace MaestroQA.Client.Tests.Exports;

public sealed class ExportCellTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("Unknown", null)]
    [InlineData("=\"Unknown\"", null)]
    [InlineData("=\"\"", null)]
    [InlineData("=\"2020-06-24 12:34:56\"", "2020-06-24 12:34:56")]
    [InlineData("unknown", "unknown")]
    [InlineData("=SUM(A1)", "=SUM(A1)")]
    [InlineData("text", "text")]
    public void NormalizeUnwrapsExcelFormulasAndDropsMissingValues(string cell, string? expected) =>
        Assert.Equal(expected, ExportCell.Normalize(cell));

    [Theory]
    [InlineData("2020-06-24 12:34:56.789", 789)]
    [InlineData("2020-06-24 12:34:56", 0)]
    [InlineData("2020-06-24T12:34:56Z", 0)]
    [InlineData("2020-06-24T12:34:56.789Z", 789)]
    [InlineData("2020-06-24T12:34:56", 0)]
    [InlineData("2020-06-24T14:34:56+02:00", 0)]
    public void DatesAreUtcWithOrWithoutFractionOffsetOrT(string text, int millisecond)
    {
        DateTime date = ExportDate.Parse(text);

        Assert.Equal(new DateTime(2020, 6, 24, 12, 34, 56, millisecond), date);
        Assert.Equal(DateTimeKind.Utc, date.Kind);
    }

    [Theory]
    [InlineData("24/06/2020")]
    [InlineData("2020-06-24 12:34")]
    [InlineData("yesterday")]
    public void UnreadableDatesThrow(string text) =>
        Assert.Equal($"'{text}' is not a date.", Assert.Throws<FormatException>(() => ExportDate.Parse(text)).Message);

    [Fact]
    public void NumbersIgnoreTheCurrentCulture()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(1234.5, ExportCell.ParseNumber("1234.5"));
            Assert.Throws<FormatException>(() => ExportCell.ParseNumber("1234,5"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
