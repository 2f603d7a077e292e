namespace MaestroQA.Client.Models;

public enum ExportStatus
{
    Requested,
    InProgress,
    Complete,
    Errored,

    /// <summary>A status the vendor's article does not list; <see cref="MqaExport.ServerStatus"/> has it as MaestroQA wrote it.</summary>
    Unknown,
}
