using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>
/// Downloads complete exports without the token (dataUrl is a presigned storage URL), into a temporary file
/// that is moved into place only when whole, so a broken download never leaves a file that looks complete.
/// </summary>
[Cmdlet(VerbsData.Save, "MqaExport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class SaveMqaExportCommand : MqaApiCmdlet
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public MqaExport Export { get; set; } = null!;

    /// <summary>A folder (the file is named after the export) or a file path.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = ".";

    /// <summary>Unzip a zip export into a folder named after it and emit its files.</summary>
    [Parameter]
    public SwitchParameter Expand { get; set; }

    /// <summary>Overwrite existing files.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!Export.HasData)
        {
            WriteWarning($"Export {Export.ExportId} has nothing to download (status {Export.Status}{(Export.Status == ExportStatus.Complete ? ", no data for its range" : "; pipe it through Wait-MqaExport first")}).");
            return;
        }

        string target = ResolveTarget();
        if (File.Exists(target) && !Force)
        {
            WriteError(new ErrorRecord(new IOException($"'{target}' already exists; use -Force to overwrite it."), "MaestroQA.FileExists", ErrorCategory.ResourceExists, target));
            return;
        }

        if (!ShouldProcess(target, $"Save {Export}"))
        {
            return;
        }

        if (Download(target))
        {
            WriteFiles(Expand ? ExpandArchive(target) : [target]);
        }
    }

    private bool Download(string target)
    {
        string partial = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, $".{System.IO.Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        var progress = new DownloadProgress(this, Export);
        try
        {
            using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                long bytes = Await(Client.DownloadExportAsync(Export, file, progress.Report, StopToken));
                WriteVerbose($"Downloaded {bytes:N0} bytes of {Export}.");
            }

            if (File.Exists(target))
            {
                File.Delete(target);
            }

            File.Move(partial, target);
            return true;
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            WriteFailure(ex, Export);
            return false;
        }
        finally
        {
            progress.Complete();
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private IReadOnlyList<string> ExpandArchive(string zipPath)
    {
        if (!zipPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            WriteVerbose($"'{zipPath}' is a single CSV; -Expand has nothing to unzip.");
            return [zipPath];
        }

        string folder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(zipPath)!, System.IO.Path.GetFileNameWithoutExtension(zipPath));
        try
        {
            return SafeZipExtractor.Extract(zipPath, folder, overwrite: Force);
        }
        catch (Exception ex) when (ex is ExportFormatException or IOException or InvalidDataException)
        {
            WriteError(ErrorRecords.From(ex, zipPath));
            return [];
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

    private string ResolveTarget()
    {
        string path = GetUnresolvedProviderPathFromPSPath(Path);
        bool isFolder = Directory.Exists(path) || path.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal);
        if (!isFolder)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            return path;
        }

        Directory.CreateDirectory(path);
        return System.IO.Path.Combine(path, ExportFileNames.For(Export));
    }

    /// <summary>Throttles byte progress to a few updates a second, posted to the pipeline thread.</summary>
    private sealed class DownloadProgress
    {
        private readonly SaveMqaExportCommand _cmdlet;
        private readonly ProgressRecord _record;
        private readonly Stopwatch _sinceUpdate = Stopwatch.StartNew();

        public DownloadProgress(SaveMqaExportCommand cmdlet, MqaExport export)
        {
            _cmdlet = cmdlet;
            _record = new ProgressRecord(Math.Abs(export.ExportId.GetHashCode() % 100000) + 1, $"Downloading {export}", "Starting");
        }

        public void Report(long bytes, long? total)
        {
            if (_sinceUpdate.Elapsed < ProgressInterval)
            {
                return;
            }

            _sinceUpdate.Restart();
            string status = total is long length ? $"{bytes:N0} of {length:N0} bytes" : $"{bytes:N0} bytes";
            int percent = total is long all && all > 0 ? (int)(bytes * 100 / all) : -1;
            _cmdlet.Post(() =>
            {
                _record.StatusDescription = status;
                _record.PercentComplete = percent;
                _cmdlet.WriteProgress(_record);
            });
        }

        public void Complete()
        {
            _record.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(_record);
        }
    }
}
