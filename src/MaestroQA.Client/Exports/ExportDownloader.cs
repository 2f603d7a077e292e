using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Saves a complete export's file: it downloads into a hidden temporary file beside the target, checks that the bytes
/// are an export (not a storage service's error page, not a damaged zip), names the file from what it holds, and only
/// then moves it into place (<see cref="AtomicFile"/>). A broken or bogus download never leaves a file that looks
/// complete, nor a temporary file behind.
/// </summary>
public sealed class ExportDownloader
{
    private readonly IExportApi _api;

    public ExportDownloader(IExportApi api)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
    }

    /// <summary>
    /// The file a save will write, when it can be told before downloading: <paramref name="path"/> itself, or in a folder
    /// the name the export's kind promises (see <see cref="ExportFileNames"/>); null when only the bytes will tell.
    /// </summary>
    public static string? ExpectedPath(MqaExport export, string path, bool isFolder) =>
        !isFolder ? path : ExportFileNames.Expected(export) is string name ? Path.Combine(path, name) : null;

    /// <summary>Checks, before anything is downloaded, that the save would not overwrite a file it may not.</summary>
    /// <exception cref="ExportFileException">The file exists and <paramref name="overwrite"/> is false.</exception>
    public static void EnsureFree(string? path, bool overwrite)
    {
        if (path is not null && !overwrite && File.Exists(path))
        {
            throw ExportFileException.AlreadyExists(path);
        }
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
        FileStep.Run(folder, () => Directory.CreateDirectory(folder));
        using AtomicFile file = FileStep.Run(folder, () => AtomicFile.Create(folder, ExportFileNames.For(export.ExportId, isZip: false, table: null)));
        long bytes = await _api.DownloadExportAsync(export, file.Stream, progress, cancellationToken).ConfigureAwait(false);
        FileStep.Run(file.TemporaryPath, file.Close);
        (bool isZip, ExportTable? table) = Inspect(export, file.TemporaryPath, bytes);
        string target = Path.Combine(folder, fileName is null ? ExportFileNames.For(export.ExportId, isZip, table) : WithExtension(fileName, isZip));
        FileStep.Run(target, () =>
        {
            EnsureFree(target, overwrite);
            file.Commit(target, overwrite);
        });
        return new SavedExport(target, bytes, isZip);
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

}

/// <summary>Where an export's file went, how many bytes it has, and whether it is a zip.</summary>
public sealed record SavedExport(string Path, long Bytes, bool IsZip);
