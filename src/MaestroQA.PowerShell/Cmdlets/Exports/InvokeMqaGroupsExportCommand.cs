using System.Management.Automation;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Requests an agent groups export: every group and its members.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "MqaGroupsExport")]
[OutputType(typeof(MqaExport))]
public sealed class InvokeMqaGroupsExportCommand : ExportRequestCmdlet
{
    /// <summary>Include agents not currently marked available.</summary>
    [Parameter]
    public SwitchParameter IncludeUnavailable { get; set; }

    protected override void ProcessRecord()
    {
        var request = new GroupsExportRequest { Name = Name, IncludeUnavailable = IncludeUnavailable.IsPresent ? true : null };
        Emit(Request(token => Client.RequestGroupsExportAsync(request, token), request));
    }
}
