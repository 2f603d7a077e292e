using MaestroQA.Client.Models;
using MaestroQA.Client.Sync;
using MaestroQA.Client.Tests.Exports;

namespace MaestroQA.Client.Tests.Sync;

public sealed class SyncStateFileTests
{
    private static SyncState Sample() => new()
    {
        BaseUri = "https://app.maestroqa.com/api/v1/",
        Raw = new SyncKindState
        {
            StartDate = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SyncedTo = new DateTime(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc),
            Options = "includeCalibrations=none;includeGraderQA=false",
            Windows = [new SyncWindowState { From = new DateTime(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc), ExportId = "exp_1", RequestedAt = new DateTime(2024, 1, 20, 3, 4, 5, DateTimeKind.Utc) }],
        },
    };

    [Fact]
    public void RoundTrips_WithUtcDates()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, SyncNames.StateFileName);

        SyncStateFile.Save(path, Sample());
        SyncState loaded = SyncStateFile.Load(path)!;

        Assert.Equal(Sample().Raw!.SyncedTo, loaded.Raw!.SyncedTo);
        Assert.Equal(DateTimeKind.Utc, loaded.Raw.SyncedTo.Kind);
        Assert.Equal("exp_1", Assert.Single(loaded.Raw.Windows).ExportId);
        Assert.Null(loaded.AuditLog);
        Assert.Contains("\"syncedTo\": \"2024-01-08T00:00:00Z\"", File.ReadAllText(path));
    }

    [Fact]
    public void AWindow_IsWritten_AsTheDocumentedFieldsOnly()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, SyncNames.StateFileName);

        SyncStateFile.Save(path, Sample());

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        System.Text.Json.JsonElement window = json.RootElement.GetProperty("raw").GetProperty("windows")[0];
        Assert.Equal(["from", "to", "exportId", "requestedAt", "done"], window.EnumerateObject().Select(field => field.Name));
    }

    [Fact]
    public void AByteOrderMark_IsRead_AsTextToolsWriteIt()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, SyncNames.StateFileName);
        SyncStateFile.Save(path, Sample());
        File.WriteAllText(path, File.ReadAllText(path), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("exp_1", Assert.Single(SyncStateFile.Load(path)!.Raw!.Windows).ExportId);
    }

    [Fact]
    public void NoFile_IsNoState()
    {
        using var folder = new TempDirectory();
        Assert.Null(SyncStateFile.Load(Path.Combine(folder.Path, "missing.json")));
    }

    [Fact]
    public void ASave_ReplacesTheFileWhole_AndLeavesNothingBeside_IT()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, SyncNames.StateFileName);
        SyncStateFile.Save(path, Sample());
        SyncState moved = Sample();
        moved.Raw!.SyncedTo = moved.Raw.SyncedTo.AddDays(7);

        SyncStateFile.Save(path, moved);

        Assert.Equal(moved.Raw.SyncedTo, SyncStateFile.Load(path)!.Raw!.SyncedTo);
        Assert.Equal([SyncNames.StateFileName], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"raw\": { \"syncedTo\": ", "does not parse")]
    [InlineData("", "does not parse")]
    [InlineData("{ \"version\": 2, \"baseUri\": \"https://x.example/\" }", "version is 2")]
    [InlineData("{ \"version\": 1 }", "names no base URI")]
    [InlineData("{ \"version\": 1, \"baseUri\": \"https://x.example/\", \"raw\": { \"syncedTo\": \"2024-01-01T00:00:00\" } }", "not UTC")]
    public void AFileThatCannotBeUsed_IsAStateError(string content, string reason)
    {
        using var folder = new TempDirectory();
        string path = folder.Write(SyncNames.StateFileName, content);

        var error = Assert.Throws<SyncStateException>(() => SyncStateFile.Load(path));

        Assert.False(error.IsMismatch);
        Assert.Contains(reason, error.Message);
        Assert.Equal(content, File.ReadAllText(path));
    }
}
