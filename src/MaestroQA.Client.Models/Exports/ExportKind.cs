namespace MaestroQA.Client.Models;

public enum ExportKind
{
    Raw,
    Groups,
    AuditLog,
}
