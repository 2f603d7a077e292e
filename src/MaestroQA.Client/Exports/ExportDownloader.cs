using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Saves a complete export's file: it downloads into a hidden partial file beside the target, checks that the bytes are
/// an export (not a storage service's error page, not a damaged zip), names the file from what it holds, and only then
/// moves it into place. A broken or bogus download never leaves a file that looks complete, nor a partial file behind.
/// </summary>
public sealed class ExportDownloader
{
    private readonly MaestroQAClient _client;

    public ExportDownloader(MaestroQAClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>Saves into <paramref name="folder"/>, naming the file after the export and what it holds (see <see cref="ExportFileNames"/>).</summary>
    public Task<SavedExport> SaveToFolderAsync(MqaExport export, string folder, bool overwrite, Action<long, long?>? progress = null, CancellationToken cancellationToken = default) =>
        SaveAsync(export, Path.GetFullPath(folder), fileName: null, overwrite, progress, cancellationToken);

    /// <summary>
    /// Saves as <paramref name="path"/>. A zip is never saved under a .csv name, nor a CSV under a .zip name: the
    /// extension is corrected, and <see cref="SavedExport.Path"/> says where the file went.
    /// </summary>
    public Task<SavedExport> SaveToFileAsync(MqaExport export, string path, bool overwrite, Action<long, long?>? progress = null, CancellationToken cancellationToken = default)
    {
        string fullPath = Path.GetFullPath(path);
        return SaveAsync(export, Path.GetDirectoryName(fullPath)!, Path.GetFileName(fullPath), overwrite, progress, cancellationToken);
    }

    private async Task<SavedExport> SaveAsync(MqaExport export, string folder, string? fileName, bool overwrite, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        FileSystem(folder, () => Directory.CreateDirectory(folder));
        string partial = Path.Combine(folder, $".{ExportFileNames.For(export.ExportId, isZip: false, table: null)}.{Guid.NewGuid():N}.partial");
        try
        {
            long bytes;
            using (FileStream file = FileSystem(partial, () => new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None)))
            {
                bytes = await _client.DownloadExportAsync(export, file, progress, cancellationToken).ConfigureAwait(false);
            }

            (bool isZip, ExportTable? table) = Inspect(export, partial, bytes);
            string target = Path.Combine(folder, fileName is null ? ExportFileNames.For(export.ExportId, isZip, table) : WithExtension(fileName, isZip));
            FileSystem(target, () => MoveIntoPlace(partial, target, overwrite));
            return new SavedExport(target, bytes, isZip);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>What the downloaded bytes are: a zip that opens, or a CSV (and of which table); anything else is an error.</summary>
    private static (bool IsZip, ExportTable? Table) Inspect(MqaExport export, string path, long bytes)
    {
        byte[] head = ExportFileKind.ReadHead(path, out int count);
        if (ExportFileKind.IsZip(head, count))
        {
            try
            {
                using ZipArchive zip = ZipFile.OpenRead(path);
                _ = zip.Entries.Count;
            }
            catch (InvalidDataException damaged)
            {
                throw NotAnExport(export, $"a zip that does not open ({damaged.Message})", bytes);
            }

            return (true, null);
        }

        if (ExportFileKind.IsErrorDocument(head, count))
        {
            throw NotAnExport(export, head[0] == (byte)'{' ? "a JSON document" : "an HTML or XML page", bytes);
        }

        if (ExportFileNames.TableOf(export) is ExportTable promised)
        {
            return (false, promised);
        }

        using FileStream csv = File.OpenRead(path);
        return (false, bytes == 0 ? null : ExportReader.IdentifyTable(csv, path));
    }

    private static MaestroQAApiException NotAnExport(MqaExport export, string what, long bytes)
    {
        string host = Uri.TryCreate(export.DataUrl, UriKind.Absolute, out Uri? url) ? url.Host : "an unknown host";
        return new MaestroQAApiException(
            ApiErrorKind.UnexpectedResponse,
            $"The export's storage host ({host}) answered the download of export {export.ExportId} with {what} ({bytes:N0} bytes), not the export's file. The link may have expired: run Get-MqaExport for a fresh one and save again.");
    }

    private static string WithExtension(string fileName, bool isZip)
    {
        string extension = Path.GetExtension(fileName);
        bool named = string.Equals(extension, ".zip", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase);
        string stem = named ? Path.GetFileNameWithoutExtension(fileName) : fileName;
        return named || extension.Length == 0 ? stem + (isZip ? ".zip" : ".csv") : fileName;
    }

    private static void MoveIntoPlace(string partial, string path, bool overwrite)
    {
        if (!overwrite && File.Exists(path))
        {
            throw new ExportFileException(path, $"'{path}' already exists; use -Force to overwrite it.", exists: true);
        }

        if (overwrite)
        {
            AtomicFile.MoveIntoPlace(partial, path);
        }
        else
        {
            File.Move(partial, path);
        }
    }

    /// <summary>Runs a file-system step; its failure (a read-only folder, a path through a file) names the path.</summary>
    private static T FileSystem<T>(string path, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not ExportFileException)
        {
            throw new ExportFileException(path, $"Cannot write '{path}': {ex.Message}", innerException: ex);
        }
    }

    private static void FileSystem(string path, Action step) => FileSystem(path, () => { step(); return true; });
}

/// <summary>Where an export's file went, how many bytes it has, and whether it is a zip.</summary>
public sealed record SavedExport(string Path, long Bytes, bool IsZip);
