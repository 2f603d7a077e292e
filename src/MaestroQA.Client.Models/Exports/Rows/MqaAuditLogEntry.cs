using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of audit_log.csv: one user action.</summary>
[ExportFile(ExportTable.AuditLog, "audit_log", ExportKind.AuditLog)]
public sealed class MqaAuditLogEntry : MqaExportRow
{
    [ExportColumn("activity_id", IdentifiesTable = true)] public string? ActivityId { get; set; }
    [ExportColumn("time_stamp")] public DateTime? TimeStamp { get; set; }
    [ExportColumn("user_email")] public string? UserEmail { get; set; }
    [ExportColumn("item_type", IdentifiesTable = true)] public string? ItemType { get; set; }
    [ExportColumn("action_type", IdentifiesTable = true)] public string? ActionType { get; set; }
    [ExportColumn("description")] public string? Description { get; set; }
    [ExportColumn("ip_address", IdentifiesTable = true)] public string? IpAddress { get; set; }
}
