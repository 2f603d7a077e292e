namespace MaestroQA.MockServer.ExportFiles;

/// <summary>agent_groups.csv: one row per group membership.</summary>
internal sealed class AgentGroupsTable : IExportTable
{
    public string Name => "agent_groups";

    public IReadOnlyList<string> Columns { get; } = ["group_name", "group_id", "agent_name", "agent_email", "agent_ids", "available"];

    public void Fill(RowBuilder row, TableContext context)
    {
        var random = row.Random;
        var group = random.Pick(SampleData.Groups);
        var agent = SampleData.AgentById(random.Pick(group.AgentIds));
        row.Text(group.Name);
        row.Text(group.Id);
        row.Text(random.Maybe(agent.Name, 0.02));
        row.Text(random.Maybe(agent.Email, 0.03));
        row.IdList(agent.AllIds);
        // Without includeUnavailable the export lists only agents marked available.
        row.Flag(!context.IncludeUnavailable || random.Chance(0.75));
    }
}
