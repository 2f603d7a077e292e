namespace MaestroQA.Client.Models;

/// <summary>A row of agent_groups.csv: one agent's membership of one group.</summary>
[ExportFile(ExportTable.AgentGroups, "agent_groups", ExportKind.Groups)]
public sealed class MqaGroupMember : MqaExportRow
{
    [ExportColumn("group_name", IdentifiesTable = true)] public string? GroupName { get; set; }
    [ExportColumn("group_id", IdentifiesTable = true)] public string? GroupId { get; set; }
    [ExportColumn("agent_name")] public string? AgentName { get; set; }
    [ExportColumn("agent_email")] public string? AgentEmail { get; set; }

    /// <summary>The agent's ids in the connected help desks.</summary>
    [ExportColumn("agent_ids", IdentifiesTable = true)] public TextList? AgentIds { get; set; }
    [ExportColumn("available", IdentifiesTable = true)] public bool? Available { get; set; }
}
