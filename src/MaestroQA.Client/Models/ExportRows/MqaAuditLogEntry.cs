using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of audit_log.csv: one user action.</summary>
public sealed class MqaAuditLogEntry : MqaExportRow
{
    public string? ActivityId { get; internal set; }

    public DateTime? TimeStamp { get; internal set; }

    public string? UserEmail { get; internal set; }

    public string? ItemType { get; internal set; }

    public string? ActionType { get; internal set; }

    public string? Description { get; internal set; }

    public string? IpAddress { get; internal set; }
}
