using MaestroQA.Client.Sync;

namespace MaestroQA.Client.Tests.Sync;

public sealed class SyncNamesTests
{
    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void WindowFileNames_AreSafeOnWindows_AndSortInTimeOrder()
    {
        string name = SyncNames.WindowFile(Utc(2024, 1, 1), Utc(2024, 1, 8));

        Assert.Equal("2024-01-01T000000Z_2024-01-08T000000Z.csv", name);
        Assert.DoesNotContain(':', name);
        Assert.Equal("2024-05-01T101500Z.csv", SyncNames.WindowFile(Utc(2024, 5, 1).AddMinutes(615), Utc(2024, 5, 1).AddMinutes(615)));
    }
}
