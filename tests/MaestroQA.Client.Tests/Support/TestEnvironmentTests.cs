using System.Globalization;

namespace MaestroQA.Client.Tests.Support;

/// <summary>A pass that build.ps1 runs in another culture or time zone (naming them in MQA_TEST_*) really runs there.</summary>
public sealed class TestEnvironmentTests
{
    [Fact]
    [Trait("Category", "LocalTime")]
    public void ThePassRunsInTheCultureAndTimeZoneTheBuildAskedFor()
    {
        if (Environment.GetEnvironmentVariable("MQA_TEST_CULTURE") is { Length: > 0 } culture)
        {
            Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
        }

        if (Environment.GetEnvironmentVariable("MQA_TEST_TIME_ZONE") is { Length: > 0 } zone)
        {
            Assert.Equal(zone, TimeZoneInfo.Local.Id);
        }
    }
}
