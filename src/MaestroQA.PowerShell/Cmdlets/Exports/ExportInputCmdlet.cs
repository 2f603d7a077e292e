using System.Collections.Generic;
using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Cmdlets that take exports from the pipeline: as MqaExport objects, or as bare ids (by value or by property name).</summary>
public abstract class ExportInputCmdlet : ExportCmdlet
{
    protected const string ExportSet = "Export";
    protected const string ExportIdSet = "ExportId";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ExportSet)]
    [ValidateNotNull]
    public MqaExport Export { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ExportIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] ExportId { get; set; } = [];

    /// <summary>What this record brought: the export itself, or one known only by id.</summary>
    protected IEnumerable<MqaExport> InputExports()
    {
        if (ParameterSetName == ExportSet)
        {
            yield return Export;
            yield break;
        }

        foreach (string id in ExportId)
        {
            yield return new MqaExport(id.Trim(), kind: null);
        }
    }
}
