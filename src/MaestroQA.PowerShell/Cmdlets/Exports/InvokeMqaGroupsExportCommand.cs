using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Requests an agent groups export: every group and its members.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "MqaGroupsExport")]
[OutputType(typeof(MqaExport))]
public sealed class InvokeMqaGroupsExportCommand : ExportWaitCmdlet
{
    /// <summary>Include agents not currently marked available.</summary>
    [Parameter]
    public SwitchParameter IncludeUnavailable { get; set; }

    /// <summary>A name for the export; MaestroQA makes one up when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Wait until the export is complete and emit it then, ready for Save-MqaExport.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override void ProcessRecord()
    {
        var request = new GroupsExportRequest { Name = Name, IncludeUnavailable = IncludeUnavailable.IsPresent ? true : null };
        if (TryCall(token => Client.RequestGroupsExportAsync(request, token), request, out MqaExport export))
        {
            Emit(export, Wait);
        }
    }
}
