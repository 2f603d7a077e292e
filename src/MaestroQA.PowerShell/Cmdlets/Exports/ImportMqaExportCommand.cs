using System;
using System.Collections.Generic;
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
[Cmdlet(VerbsData.Import, "MqaExport")]
[OutputType(typeof(MqaTotalScore), typeof(MqaSectionScore), typeof(MqaAnswerScore), typeof(MqaAnnotation), typeof(MqaCsat), typeof(MqaGroupMember), typeof(MqaAuditLogEntry))]
public sealed class ImportMqaExportCommand : MqaCmdlet
{
    /// <summary>Zip or CSV files, or folders holding them.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>The table to read; inferred from each file's name when omitted (all tables of a zip).</summary>
    [Parameter(Position = 1)]
    [ExportTableTransformation]
    public ExportTable? Table { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string file in Path.SelectMany(ResolveFiles))
        {
            try
            {
                // Parsing runs ahead on a worker thread; a row with an unreadable cell is reported and skipped.
                foreach (MqaExportRow row in ExportReadAhead.ReadFile(file, Table, invalid => WriteError(ErrorRecords.From(invalid, file)), StopToken))
                {
                    WriteObject(ToPSObject(row));
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

    private IEnumerable<string> ResolveFiles(string path)
    {
        string resolved = GetUnresolvedProviderPathFromPSPath(path);
        if (Directory.Exists(resolved))
        {
            return Directory.EnumerateFiles(resolved)
                .Where(file => file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                .OrderBy(file => file, StringComparer.Ordinal);
        }

        if (File.Exists(resolved))
        {
            return [resolved];
        }

        WriteError(new ErrorRecord(new FileNotFoundException($"'{path}' does not exist."), "MaestroQA.FileNotFound", ErrorCategory.ObjectNotFound, path));
        return [];
    }

    private static object ToPSObject(MqaExportRow row)
    {
        // Most rows have no extra columns: let the pipeline wrap them as it needs to, at no cost here.
        if (row.AdditionalColumns.Count == 0)
        {
            return row;
        }

        var output = new PSObject(row);
        foreach (KeyValuePair<string, string?> column in row.AdditionalColumns)
        {
            output.Properties.Add(new PSNoteProperty(column.Key, column.Value));
        }

        return output;
    }
}
