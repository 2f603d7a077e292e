namespace MaestroQA.Client.Models;

/// <summary>What New-MqaTicket does when the gradable id is already taken (409).</summary>
public enum TicketConflictAction
{
    /// <summary>Write a ResourceExists error for the row.</summary>
    Error,

    /// <summary>Emit nothing for the row; warn once with the count. Makes re-running a load safe.</summary>
    Skip,

    /// <summary>Update the existing ticket with the row's fields.</summary>
    Update,
}
