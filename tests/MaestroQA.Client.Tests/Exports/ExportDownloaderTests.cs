using System.Net;
using System.Text;
using MaestroQA.Client.Api;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>
/// A download whose first attempt breaks off and whose retry comes whole: the saved file is the storage host's bytes,
/// not the broken attempt with the whole one after it. Against a loopback storage host that cuts its first answer short.
/// </summary>
public sealed class ExportDownloaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ARetryAfterABrokenAttempt_StartsTheFileOver()
    {
        byte[] content = Encoding.UTF8.GetBytes("group_name,agent_name,agent_email,agent_ids,available\r\n"
            + string.Concat(Enumerable.Range(1, 5_000).Select(i => $"Group {i % 7},Agent {i},agent{i}@example.com,id-{i},{i % 2 == 0}\r\n")));
        using var storage = new LoopbackHttpServer((context, request) => AnswerCutShortTheFirstTime(context, request, content));
        var options = new MaestroQAClientOptions(new ApiToken("downloader-test-" + Guid.NewGuid().ToString("N")), storage.BaseUri)
        {
            MaxRetryCount = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        };
        var client = new MaestroQAClient(new ApiTransport(options));
        var export = new MqaExport("e-1", ExportKind.Groups) { Status = ExportStatus.Complete, DataUrl = new Uri(storage.BaseUri, "downloads/e-1.csv?sig=s").AbsoluteUri };

        SavedExport saved = await new ExportDownloader(client).SaveToFolderAsync(export, _temp.Path, overwrite: false);

        Assert.Equal(2, storage.Requests);
        Assert.Equal(content.Length, saved.Bytes);
        Assert.Equal(content, await File.ReadAllBytesAsync(saved.Path));
        Assert.Equal([saved.Path], Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    /// <summary>Promises the whole file every time; the first time sends half of it and drops the connection.</summary>
    private static async Task AnswerCutShortTheFirstTime(HttpListenerContext context, int request, byte[] content)
    {
        context.Response.ContentType = "application/zip";
        context.Response.ContentLength64 = content.Length;
        await context.Response.OutputStream.WriteAsync(content.AsMemory(0, request == 1 ? content.Length / 2 : content.Length));
        if (request == 1)
        {
            await context.Response.OutputStream.FlushAsync();
            context.Response.Abort();
        }
        else
        {
            context.Response.Close();
        }
    }
}
