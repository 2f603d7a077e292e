using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class AuditLogReadingTests
{
    // ip_address is missing; user_agent is a column a later server added.
    private const string Csv = """"
        activity_id,time_stamp,user_email,item_type,action_type,description,user_agent
        act-1,="2023-03-04 05:06:07.890",admin@example.com,rubric,update,"Renamed ""Tone"" to ""Tone, voice""
        and saved",Mozilla/5.0
        act-2,2023-03-04T05:06:07,Unknown,,delete,Unknown,
        """";

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void ReadsEveryColumn(bool withBom, string newLine)
    {
        List<MqaAuditLogEntry> rows = Read<MqaAuditLogEntry>(Csv, ExportTable.AuditLog, withBom, newLine);

        Assert.Equal(2, rows.Count);
        Assert.Equivalent(new
        {
            ActivityId = "act-1",
            TimeStamp = Utc(2023, 3, 4, 5, 6, 7, 890),
            UserEmail = "admin@example.com",
            ItemType = "rubric",
            ActionType = "update",
            Description = $"Renamed \"Tone\" to \"Tone, voice\"{newLine}and saved",
            IpAddress = (string?)null,
        }, rows[0]);
        Assert.Equal("Mozilla/5.0", rows[0].GetAdditionalColumns()["user_agent"]);
        Assert.Equivalent(new
        {
            ActivityId = "act-2",
            TimeStamp = Utc(2023, 3, 4, 5, 6, 7),
            UserEmail = (string?)null,
            ItemType = (string?)null,
            ActionType = "delete",
            Description = (string?)null,
        }, rows[1]);
    }
}
