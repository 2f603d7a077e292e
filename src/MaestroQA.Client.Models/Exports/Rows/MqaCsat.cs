using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of csat.csv: the customer's satisfaction rating of a ticket.</summary>
[ExportFile(ExportTable.Csat, "csat", ExportKind.Raw)]
public sealed class MqaCsat : MqaExportRow
{
    [ExportColumn("gradable_id")] public string? GradableId { get; set; }
    [ExportColumn("csat_score", IdentifiesTable = true)] public double? CsatScore { get; set; }
    [ExportColumn("csat_comment", IdentifiesTable = true)] public string? CsatComment { get; set; }
    [ExportColumn("ticket_created_at")] public DateTime? TicketCreatedAt { get; set; }
    [ExportColumn("source")] public string? Source { get; set; }
}
