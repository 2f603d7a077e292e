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
            Windows = [new RequestedWindow { From = new DateTime(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc), ExportId = "exp_1", RequestedAt = new DateTime(2024, 1, 20, 3, 4, 5, DateTimeKind.Utc) }],
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

    [Fact]
    public void ASaveBrokenMidway_LeavesTheOldStateWhole_AndNoPartialFile()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, SyncNames.StateFileName);
        SyncStateFile.Save(path, Sample());
        byte[] before = File.ReadAllBytes(path);
        SyncState moved = Sample();
        moved.Raw!.SyncedTo = moved.Raw.SyncedTo.AddDays(7);

        // The disk fills, or the process dies, after the first 40 bytes of the new state.
        Assert.Throws<IOException>(() => SyncStateFile.Save(path, moved, through: stream => new BreakingStream(stream, breakAfter: 40)));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([SyncNames.StateFileName], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        Assert.Equal(Sample().Raw!.SyncedTo, SyncStateFile.Load(path)!.Raw!.SyncedTo);
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"raw\": { \"syncedTo\": ", "does not parse")]
    [InlineData("", "does not parse")]
    [InlineData("{ \"version\": 2, \"baseUri\": \"https://x.example/\" }", "version is 2")]
    [InlineData("{ \"version\": 1 }", "names no base URI")]
    [InlineData("{ \"version\": 1, \"baseUri\": \"https://x.example/\", \"raw\": { \"syncedTo\": \"2024-01-01T00:00:00\" } }", "not UTC")]
    [InlineData("{ \"version\": 1, \"baseUri\": \"https://x.example/\", \"raw\": { \"startDate\": \"2024-01-01T00:00:00Z\", \"syncedTo\": \"2024-01-01T00:00:00Z\", \"options\": \"\", \"windows\": null } }", "a list of windows in it is null")]
    [InlineData("{ \"version\": 1, \"baseUri\": \"https://x.example/\", \"raw\": { \"startDate\": \"2024-01-01T00:00:00Z\", \"syncedTo\": \"2024-01-01T00:00:00Z\", \"options\": \"\", \"windows\": [null] } }", "holds null")]
    [InlineData("{ \"version\": 1, \"baseUri\": \"https://x.example/\", \"raw\": { \"startDate\": \"2024-03-01T00:00:00Z\", \"syncedTo\": \"2024-01-01T00:00:00Z\", \"options\": \"\" } }", "before its start 2024-03-01 00:00:00Z")]
    public void AFileThatCannotBeUsed_IsAStateError(string content, string reason)
    {
        using var folder = new TempDirectory();
        string path = folder.Write(SyncNames.StateFileName, content);

        var error = Assert.Throws<SyncStateException>(() => SyncStateFile.Load(path));

        Assert.False(error.IsMismatch);
        Assert.Contains(reason, error.Message);
        Assert.Equal(content, File.ReadAllText(path));
    }

    /// <summary>Passes writes through until <c>breakAfter</c> bytes, then fails as a full disk would.</summary>
    private sealed class BreakingStream(Stream inner, int breakAfter) : Stream
    {
        private int _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            int allowed = Math.Min(count, breakAfter - _written);
            inner.Write(buffer, offset, allowed);
            _written += allowed;
            if (allowed < count)
            {
                inner.Flush();
                throw new IOException("No space left on device.");
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
