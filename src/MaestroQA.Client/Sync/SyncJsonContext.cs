using System.Text.Json.Serialization;

namespace MaestroQA.Client.Sync;

/// <summary>Source-generated JSON for the files a sync keeps beside its data: the state and the lock.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SyncState))]
[JsonSerializable(typeof(SyncLockHolder))]
internal sealed partial class SyncJsonContext : JsonSerializerContext
{
}
