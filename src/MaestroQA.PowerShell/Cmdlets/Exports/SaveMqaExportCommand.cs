using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Threading;
using MaestroQA.Client.Api;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;
using MaestroQA.PowerShell.Cmdlets.Session;
using MaestroQA.PowerShell.Errors;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>
/// Downloads complete exports without the token (dataUrl is a presigned storage URL); the client moves a file into place
/// only when whole, so a broken download never leaves a file that looks complete.
/// </summary>
[Cmdlet(VerbsData.Save, "MqaExport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class SaveMqaExportCommand : MqaCmdlet
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public MqaExport Export { get; set; } = null!;

    /// <summary>A folder (the file is named after the export) or a file path; a path that does not exist yet is a folder unless it has an extension.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = ".";

    /// <summary>Unzip a zip export into a folder named after it and emit its files.</summary>
    [Parameter]
    public SwitchParameter Expand { get; set; }

    /// <summary>Overwrite existing files.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// The connection to download through (its proxy, its retries): -Session, else the one the export came through,
    /// else the default session, else the system proxy and default retries. No token is needed: presigned links carry
    /// their own permission, and none is sent.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public MqaSession? Session { get; set; }

    protected override void ProcessRecord()
    {
        if (!Export.HasData)
        {
            WriteWarning($"Export {Export.ExportId} has nothing to download (status {Export.Status}{(Export.Status == ExportStatus.Complete ? ", no data for its range" : "; pipe it through Wait-MqaExport first")}).");
            return;
        }

        (string path, bool isFolder) = ResolveTarget();
        string? expected = ExportDownloader.ExpectedPath(Export, path, isFolder);
        try
        {
            // Nothing is downloaded that cannot be kept.
            ExportDownloader.EnsureFree(expected, Force);
        }
        catch (ExportFileException exists)
        {
            WriteError(ErrorRecords.From(exists, Export));
            return;
        }

        // With -WhatIf nothing is created, not even the folder.
        if (!ShouldProcess(expected ?? System.IO.Path.Combine(path, $"{Export.ExportId}.*"), $"Save {Export}"))
        {
            return;
        }

        if (Download(path, isFolder, expected ?? path) is SavedExport saved)
        {
            if (!isFolder && !string.Equals(saved.Path, path, StringComparison.Ordinal))
            {
                WriteWarning($"Export {Export.ExportId} is {(saved.IsZip ? "a zip" : "a CSV file")}, so it was saved as '{saved.Path}', not '{path}'.");
            }

            WriteFiles(Expand ? ExpandArchive(saved) : [saved.Path]);
        }
    }

    private SavedExport? Download(string path, bool isFolder, string expected)
    {
        var downloader = new ExportDownloader(DownloadClient());
        var progress = new DownloadProgress(this, Export);
        try
        {
            bool saved = TryCall(
                token => isFolder
                    ? downloader.SaveToFolderAsync(Export, path, Force, progress.Report, token)
                    : downloader.SaveToFileAsync(Export, path, Force, progress.Report, token),
                () => Export,
                out SavedExport result,
                failure => failure is ExportFileException ? null : $"Export {Export.ExportId} was not saved: {progress.DescribeBreak()}{failure.Message} No file was left at '{expected}'.");
            if (saved)
            {
                WriteVerbose($"Downloaded {result.Bytes:N0} bytes of {Export} to '{result.Path}'.");
            }

            return saved ? result : null;
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <summary>-Session, else the connection the export came through, else the default session, else one that only downloads.</summary>
    private MaestroQAClient DownloadClient()
    {
        if (Session is null && MaestroQAClient.ForExport(Export, this) is MaestroQAClient origin)
        {
            return origin;
        }

        try
        {
            return new MaestroQAClient(SessionResolver.TryResolve(Session)?.Transport ?? ApiTransport.DownloadsOnly, this);
        }
        catch (PSInvalidOperationException ex)
        {
            ThrowTerminatingError(SessionResolver.NotConnected(ex));
            throw;
        }
    }

    private IReadOnlyList<string> ExpandArchive(SavedExport saved)
    {
        if (!saved.IsZip)
        {
            WriteVerbose($"'{saved.Path}' is a single CSV; -Expand has nothing to unzip.");
            return [saved.Path];
        }

        string folder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(saved.Path)!, System.IO.Path.GetFileNameWithoutExtension(saved.Path));
        if (string.Equals(folder, saved.Path, StringComparison.Ordinal))
        {
            folder += ".expanded";
        }

        IReadOnlyList<string> files;
        try
        {
            files = SafeZipExtractor.Extract(saved.Path, folder, overwrite: Force);
        }
        catch (Exception ex) when (ex is ExportFormatException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.From(ex, saved.Path));
            return [];
        }

        foreach (string file in files)
        {
            WarnIfCapped(file);
        }

        return files;
    }

    /// <summary>An extracted table as long as an export's documented cap may have been cut short (see <see cref="ExportRowCap"/>).</summary>
    private void WarnIfCapped(string file)
    {
        try
        {
            if (ExportRowCap.WarningForCsvFile(file, $"'{file}'") is string warning)
            {
                WriteWarning(warning);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.From(ex, file));
        }
    }

    private void WriteFiles(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            // Through the provider, so the objects carry PSPath like Get-Item's.
            WriteObject(InvokeProvider.Item.Get(WildcardPattern.Escape(path)), enumerateCollection: true);
        }
    }

    /// <summary>
    /// The folder to save into, or the file to save as: a path that does not exist yet names a file only when it has an
    /// extension ("scores.zip"); "exports" is a folder. Nothing is created here.
    /// </summary>
    private (string Path, bool IsFolder) ResolveTarget()
    {
        string path = GetUnresolvedProviderPathFromPSPath(Path);
        bool isFolder = Directory.Exists(path)
            || path.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || path.EndsWith(System.IO.Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || (!File.Exists(path) && !System.IO.Path.HasExtension(path));
        return (path, isFolder);
    }

    /// <summary>Throttles byte progress to a few updates a second, posted to the pipeline thread.</summary>
    private sealed class DownloadProgress
    {
        private readonly SaveMqaExportCommand _cmdlet;
        private readonly ProgressActivity _progress;
        private readonly Stopwatch _sinceUpdate = Stopwatch.StartNew();
        private long _received;
        private long _expected = -1;

        public DownloadProgress(SaveMqaExportCommand cmdlet, MqaExport export)
        {
            _cmdlet = cmdlet;
            _progress = new ProgressActivity($"Downloading {export}");
        }

        public void Report(long bytes, long? total)
        {
            Interlocked.Exchange(ref _received, bytes);
            Interlocked.Exchange(ref _expected, total ?? -1);
            if (_sinceUpdate.Elapsed < ProgressInterval)
            {
                return;
            }

            _sinceUpdate.Restart();
            string status = total is long length ? $"{bytes:N0} of {length:N0} bytes" : $"{bytes:N0} bytes";
            int percent = total is long all && all > 0 ? (int)(bytes * 100 / all) : -1;
            _cmdlet.Post(() => _cmdlet.WriteProgress(_progress.Step(status, percent)));
        }

        /// <summary>How far the last attempt got, when it got anywhere: "the download broke off after 1,024 of 4,096 bytes. ".</summary>
        public string DescribeBreak()
        {
            long received = Interlocked.Read(ref _received);
            long expected = Interlocked.Read(ref _expected);
            return received == 0 ? string.Empty
                : expected > received ? $"the download broke off after {received:N0} of {expected:N0} bytes. "
                : $"the download broke off after {received:N0} bytes. ";
        }

        public void Complete()
        {
            _cmdlet.WriteProgress(_progress.Done());
        }
    }
}
