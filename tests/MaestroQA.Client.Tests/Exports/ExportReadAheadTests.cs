using System.Text;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

public sealed class ExportReadAheadTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void YieldsExactlyTheRowsTheReaderDoes_InOrder_AcrossManyBatches()
    {
        string path = WriteCsat(rows: 5_000);

        List<string?> expected = ExportReader.ReadFile(path).Cast<MqaCsat>().Select(row => row.GradableId).ToList();
        List<string?> actual = ReadAhead(path, _ => Assert.Fail("no invalid rows"), CancellationToken.None)
            .Cast<MqaCsat>().Select(row => row.GradableId).ToList();

        Assert.Equal(5_000, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ReportsInvalidRowsOnTheCallersThread_InOrderWithTheRows()
    {
        string path = _directory.Write("csat.csv", "gradable_id,csat_score\n1,5\n2,five\n3,4\n");
        var seen = new List<string>();
        int callerThread = Environment.CurrentManagedThreadId;

        foreach (MqaExportRow row in ReadAhead(path, invalid =>
                 {
                     Assert.Equal(callerThread, Environment.CurrentManagedThreadId);
                     seen.Add("invalid: " + invalid.Message);
                 }, CancellationToken.None))
        {
            seen.Add("row " + ((MqaCsat)row).GradableId);
        }

        Assert.Equal(["row 1", "invalid: 'csat.csv' row 3, column 'csat_score': 'five' is not a number.", "row 3"], seen);
    }

    [Fact]
    public void AFailureOfTheReadIsThrownToTheCaller_AfterTheRowsBeforeIt()
    {
        string path = _directory.Write("total_scores.csv", "gradable_id,comment\n1,ok\n2,\"bad\"x\n");
        var read = new List<string?>();

        ExportFormatException error = Assert.Throws<ExportFormatException>(() =>
        {
            foreach (MqaExportRow row in ReadAhead(path, _ => { }, CancellationToken.None))
            {
                read.Add(((MqaTotalScore)row).GradableId);
            }
        });

        Assert.Equal(["1"], read);
        Assert.StartsWith("'total_scores.csv' is not valid CSV at row 3", error.Message);
    }

    [Fact]
    public void AMissingFileFailsAsTheReaderWould() =>
        Assert.Throws<FileNotFoundException>(() =>
            ReadAhead(Path.Combine(_directory.Path, "csat.csv"), _ => { }, CancellationToken.None).ToList());

    [Fact]
    public void LeavingEarly_StopsTheWorker_AndReleasesTheFile()
    {
        string path = WriteCsat(rows: 100_000);

        Assert.Single(ReadAhead(path, _ => { }, CancellationToken.None).Take(1));

        // The worker has stopped and closed the file, so it can be opened exclusively (.NET locks files it opens, on Unix too).
        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(exclusive.CanWrite);
    }

    [Fact]
    public void Cancelling_StopsTheEnumeration()
    {
        string path = WriteCsat(rows: 100_000);
        using var cancellation = new CancellationTokenSource();
        int read = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (MqaExportRow unused in ReadAhead(path, _ => { }, cancellation.Token))
            {
                if (++read == 10)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.True(read < 100_000);
    }

    private string WriteCsat(int rows)
    {
        var csv = new StringBuilder("gradable_id,csat_score,csat_comment\n");
        for (int i = 1; i <= rows; i++)
        {
            csv.Append(i).Append(',').Append(i % 5).Append(",\"comment ").Append(i).Append("\"\n");
        }

        return _directory.Write("csat.csv", csv.ToString());
    }

    private static IEnumerable<MqaExportRow> ReadAhead(string path, Action<ExportFormatException> onInvalidRow, CancellationToken cancellationToken) =>
        ExportReadAhead.ReadFile(path, new ExportReadOptions { OnInvalidRow = onInvalidRow }, cancellationToken);
}
