namespace MaestroQA.MockServer.ExportFiles;

/// <summary>audit_log.csv: user activity in the requested range.</summary>
internal sealed class AuditLogTable : IExportTable
{
    public string Name => "audit_log";

    public IReadOnlyList<string> Columns { get; } =
        ["activity_id", "time_stamp", "user_email", "item_type", "action_type", "description", "ip_address"];

    public void Fill(RowBuilder row, TableContext context)
    {
        var random = row.Random;
        row.Text("act_" + random.Hex(16));
        row.Date(random.Between(context.RangeStart, context.RangeEnd));
        row.Text(random.Maybe(random.Pick(SampleData.Graders), 0.02));
        row.Text(random.Pick(SampleData.AuditItemTypes));
        row.Text(random.Pick(SampleData.AuditActions));
        row.Text(random.Maybe(random.Pick(SampleData.AuditDescriptions), 0.05));
        row.Text(random.Maybe(random.Pick(SampleData.IpAddresses), 0.1));
    }
}
