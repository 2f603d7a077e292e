using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>
/// Streams typed rows straight out of export zips and CSVs, without extracting them: memory stays flat however
/// large the export. Columns this release does not know become note properties, so nothing is dropped.
/// </summary>
[Cmdlet(VerbsData.Import, "MqaExport", DefaultParameterSetName = PathSet)]
[OutputType(typeof(MqaTotalScore), typeof(MqaSectionScore), typeof(MqaAnswerScore), typeof(MqaAnnotation), typeof(MqaCsat), typeof(MqaGroupMember), typeof(MqaAuditLogEntry))]
public sealed class ImportMqaExportCommand : MqaCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Zip or CSV files, or folders holding them; wildcards are expanded.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Zip or CSV files, or folders holding them, taken as typed: no character is a wildcard.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>The table to read; inferred from each file's name when omitted (all tables of a zip).</summary>
    [Parameter(Position = 1)]
    [ExportTableTransformation]
    [ArgumentCompleter(typeof(ExportTableCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Table { get; set; }

    private readonly ExportReadOptions _options = new();

    protected override void ProcessRecord()
    {
        ExportTable? table = ExportTableTransformationAttribute.Parse(Table);
        foreach ((string file, bool inFolder) in ResolveFiles())
        {
            // In a folder, -Table picks the files that hold that table; a file named on its own must hold it.
            ExportReadOptions options = _options with
            {
                Table = table,
                SkipOtherTables = inFolder,
                OnInvalidRow = invalid => WriteError(ErrorRecords.From(invalid, file)),
                OnSkipped = WriteVerbose,
                OnWarning = WriteWarning,
            };
            try
            {
                // Parsing runs ahead on a worker thread; a row with an unreadable cell is reported and skipped.
                foreach (MqaExportRow row in ExportReadAhead.ReadFile(file, options, StopToken))
                {
                    WriteObject(AdditionalProperties.Attach(row, row.GetAdditionalColumns()));
                }
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ExportFormatException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.From(ex is ExportFormatException ? ex : new ExportFormatException($"Cannot read '{file}': {ex.Message}", ex), file));
            }
        }
    }

    protected override void EndProcessing() => WriteVerbose($"Import-MqaExport: {_options.Summary}.");

    private IEnumerable<(string File, bool InFolder)> ResolveFiles()
    {
        IEnumerable<string> paths = ParameterSetName == LiteralPathSet
            ? LiteralPath.Select(GetUnresolvedProviderPathFromPSPath)
            : Path.SelectMany(ResolveWildcards);
        return paths.SelectMany(ExpandFolder);
    }

    private IEnumerable<string> ResolveWildcards(string path)
    {
        try
        {
            Collection<string> files = GetResolvedProviderPathFromPSPath(path, out _);
            if (files.Count > 0)
            {
                return files;
            }
        }
        catch (ItemNotFoundException)
        {
        }

        // As Import-Csv: a pattern that matches nothing is as much an error as a path that does not exist.
        WriteNotFound(path);
        return [];
    }

    private IEnumerable<(string File, bool InFolder)> ExpandFolder(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path)
                .Where(file => file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                .OrderBy(file => file, StringComparer.Ordinal)
                .Select(file => (file, true));
        }

        if (File.Exists(path))
        {
            return [(path, false)];
        }

        WriteNotFound(path);
        return [];
    }

    private void WriteNotFound(string path) =>
        WriteError(new ErrorRecord(
            new FileNotFoundException(WildcardPattern.ContainsWildcardCharacters(path) && ParameterSetName == PathSet ? $"No file matches '{path}'." : $"'{path}' does not exist."),
            "MaestroQA.FileNotFound",
            ErrorCategory.ObjectNotFound,
            path));
}
