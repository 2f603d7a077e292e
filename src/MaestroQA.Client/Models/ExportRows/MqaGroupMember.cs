namespace MaestroQA.Client.Models;

/// <summary>A row of agent_groups.csv: one agent's membership of one group.</summary>
public sealed class MqaGroupMember : MqaExportRow
{
    public string? GroupName { get; internal set; }

    public string? GroupId { get; internal set; }

    public string? AgentName { get; internal set; }

    public string? AgentEmail { get; internal set; }

    /// <summary>The agent's ids in the connected help desks.</summary>
    public string[]? AgentIds { get; internal set; }

    public bool? Available { get; internal set; }
}
