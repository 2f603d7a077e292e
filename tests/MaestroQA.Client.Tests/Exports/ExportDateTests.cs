using MaestroQA.Client.Exports;

namespace MaestroQA.Client.Tests.Exports;

public sealed class ExportDateTests
{
    [Theory]
    [InlineData("2020-06-24 12:34:56")]
    [InlineData("2020-06-24 12:34:56.7")]
    [InlineData("2020-06-24 12:34:56.789")]
    [InlineData("2020-06-24 12:34:56.1234567")]
    [InlineData("2020-06-24T12:34:56Z")]
    [InlineData("2020-06-24T12:34:56.789Z")]
    [InlineData("2024-02-29 23:59:59.999")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31 23:59:59.9999999")]
    public void TheUsualLayoutReadsAsTheGeneralParserDoes(string text)
    {
        Assert.True(ExportDate.TryParseUsualLayout(text, out DateTime fast));
        Assert.True(ExportDate.TryParseAnyLayout(text, out DateTime general));
        Assert.Equal(general, fast);
        Assert.Equal(DateTimeKind.Utc, fast.Kind);
    }

    [Theory]
    [InlineData("2020-06-24")]
    [InlineData(" 2020-06-24 12:34:56")]
    [InlineData("2020-06-24 12:34:56+02:00")]
    [InlineData("2020-06-24 12:34:56.")]
    [InlineData("2020-06-24 12:34:56.12345678")]
    [InlineData("2020-13-24 12:34:56")]
    [InlineData("2023-02-29 12:34:56")]
    [InlineData("2020-06-24 24:00:00")]
    [InlineData("2020-06-24 12:60:00")]
    [InlineData("2020-06-24 12:34:60")]
    [InlineData("0000-06-24 12:34:56")]
    [InlineData("2020-06-2x 12:34:56")]
    [InlineData("2020/06/24 12:34:56")]
    [InlineData("")]
    [InlineData("Z")]
    public void AnythingElseIsLeftToTheGeneralParser(string text) =>
        Assert.False(ExportDate.TryParseUsualLayout(text, out _));

    [Fact]
    public void RandomInstantsInEveryUsualSpellingReadAsTheGeneralParserReadsThem()
    {
        var random = new Random(20180813);
        string[] layouts = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", "yyyy-MM-dd HH:mm:ss.fffffff"];
        for (int i = 0; i < 2_000; i++)
        {
            var instant = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            string text = instant.ToString(layouts[i % layouts.Length], System.Globalization.CultureInfo.InvariantCulture);

            Assert.True(ExportDate.TryParseUsualLayout(text, out DateTime fast), text);
            Assert.True(ExportDate.TryParseAnyLayout(text, out DateTime general), text);
            Assert.Equal(general, fast);
        }
    }
}
