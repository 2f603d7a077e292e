using System.Collections.Concurrent;
using System.IO.Compression;

namespace MaestroQA.MockServer.ExportFiles;

/// <summary>
/// Builds an export's download file on first request, into a temporary file (so half a million rows cost disk, not
/// memory, and the response gets a Content-Length), and serves every later request from it.
/// </summary>
internal sealed class ExportFileCache : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"maestroqa-mock-{Environment.ProcessId}");
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _files = new(StringComparer.Ordinal);

    public async Task<string> GetPathAsync(ExportJob job)
    {
        var file = _files.GetOrAdd(job.Id, _ => new Lazy<Task<string>>(() => Task.Run(() => Build(job))));
        try
        {
            return await file.Value;
        }
        catch
        {
            // Let a later request try again rather than cache the failure.
            _files.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(job.Id, file));
            throw;
        }
    }

    public void Clear()
    {
        _files.Clear();
        DeleteDirectory();
    }

    public void Dispose() => DeleteDirectory();

    private string Build(ExportJob job)
    {
        var jobDirectory = Directory.CreateDirectory(Path.Combine(_directory, job.Id)).FullName;
        // Not the public name, which may be anything an export's name holds.
        var path = Path.Combine(jobDirectory, job.IsZip ? "export.zip" : "export.csv");
        var partial = path + ".partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            if (job.IsZip)
            {
                using var zip = new ZipArchive(file, ZipArchiveMode.Create);
                if (ZipLayout.Folder(job) is { } folder)
                {
                    zip.CreateEntry(folder);
                }

                foreach (var entry in ZipLayout.Entries(job))
                {
                    using var stream = zip.CreateEntry(entry.Name, CompressionLevel.Fastest).Open();
                    TableWriters.WriteCsv(stream, job, entry.Table);
                }

                if (job.ZipSlip)
                {
                    using var hostile = new StreamWriter(zip.CreateEntry("../zip-slip.csv").Open());
                    hostile.Write("gradable_id\r\nescaped\r\n");
                }
            }
            else
            {
                TableWriters.WriteCsv(file, job, job.Tables.Single());
            }
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    private void DeleteDirectory()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever downloaded.
        }
        catch (IOException)
        {
            // A file still being served; the OS temp cleaner gets it.
        }
    }
}
