using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Saves a complete export's file: it downloads into a hidden partial file beside the target and moves that into place
/// only when whole, so a broken download never leaves a file that looks complete, nor a partial file behind.
/// </summary>
public sealed class ExportDownloader
{
    private readonly MaestroQAClient _client;

    public ExportDownloader(MaestroQAClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>Returns the bytes saved. Without <paramref name="overwrite"/>, an existing file is an IOException and stays as it was.</summary>
    public async Task<long> SaveAsync(MqaExport export, string path, bool overwrite, Action<long, long?>? progress = null, CancellationToken cancellationToken = default)
    {
        string partial = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            long bytes;
            using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                bytes = await _client.DownloadExportAsync(export, file, progress, cancellationToken).ConfigureAwait(false);
            }

            MoveIntoPlace(partial, path, overwrite);
            return bytes;
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private static void MoveIntoPlace(string partial, string path, bool overwrite)
    {
#if NET
        File.Move(partial, path, overwrite);
#else
        if (overwrite && File.Exists(path))
        {
            File.Delete(path);
        }

        File.Move(partial, path);
#endif
    }
}
