using System;

namespace MaestroQA.Client.Models;

/// <summary>A row of csat.csv: the customer's satisfaction rating of a ticket.</summary>
public sealed class MqaCsat : MqaExportRow
{
    public string? GradableId { get; internal set; }

    public double? CsatScore { get; internal set; }

    public string? CsatComment { get; internal set; }

    public DateTime? TicketCreatedAt { get; internal set; }

    public string? Source { get; internal set; }
}
