using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class AgentGroupsReadingTests
{
    // A group name may start with '#', which CSV readers often take for a comment line.
    private const string Csv = """"
        group_name,group_id,agent_name,agent_email,agent_ids,available,team_lead
        #escalations,g-1,Zoë Müller,zoe@example.com,"123, 456 ,789",True,"Smith, ""Ana"""
        "Night, shift",g-2,Unknown,,Unknown,false,
        Tier 2,g-3,Ana,ana@example.com,42,,Unknown
        """";

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void ReadsEveryColumn(bool withBom, string newLine)
    {
        List<MqaGroupMember> rows = Read<MqaGroupMember>(Csv, ExportTable.AgentGroups, withBom, newLine);

        Assert.Equal(3, rows.Count);
        Assert.Equivalent(new
        {
            GroupName = "#escalations",
            GroupId = "g-1",
            AgentName = "Zoë Müller",
            AgentEmail = "zoe@example.com",
            AgentIds = new[] { "123", "456", "789" },
            Available = true,
        }, rows[0]);
        Assert.Equal("Smith, \"Ana\"", rows[0].GetAdditionalColumns()["team_lead"]);
        Assert.Equivalent(new
        {
            GroupName = "Night, shift",
            AgentName = (string?)null,
            AgentEmail = (string?)null,
            AgentIds = (string[]?)null,
            Available = false,
        }, rows[1]);
        Assert.Equivalent(new { AgentIds = new[] { "42" }, Available = (bool?)null }, rows[2]);
        Assert.Null(rows[2].GetAdditionalColumns()["team_lead"]);
    }
}
