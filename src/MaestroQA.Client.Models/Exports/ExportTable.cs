namespace MaestroQA.Client.Models;

/// <summary>The kinds of CSV file MaestroQA exports.</summary>
public enum ExportTable
{
    TotalScores,
    SectionScores,
    IndividualAnswers,
    Annotations,
    Csat,
    AgentGroups,
    AuditLog,
}
