using System;
using System.Text.Json.Serialization;

namespace MaestroQA.Client.Sync;

/// <summary>Who holds a sync folder, as its lock file says.</summary>
public sealed class SyncLockHolder
{
    [JsonPropertyName("hostName")] public string HostName { get; set; } = string.Empty;

    [JsonPropertyName("processId")] public int ProcessId { get; set; }

    /// <summary>UTC; tells a live holder from a later process that got the same id.</summary>
    [JsonPropertyName("processStartedAt")] public DateTime? ProcessStartedAt { get; set; }

    [JsonPropertyName("since")] public DateTime Since { get; set; }

    public override string ToString() => $"process {ProcessId} on {HostName}, since {Since:u}";
}
