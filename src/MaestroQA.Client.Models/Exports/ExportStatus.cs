namespace MaestroQA.Client.Models;

public enum ExportStatus
{
    Requested,
    InProgress,
    Complete,
    Errored,
}
