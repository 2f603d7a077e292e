using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MaestroQA.Client.Api.Wire;

/// <summary>Source-generated JSON: no reflection, trimming-safe, and the same on both builds.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawExportRequestBody))]
[JsonSerializable(typeof(GroupsExportRequestBody))]
[JsonSerializable(typeof(AuditLogExportRequestBody))]
[JsonSerializable(typeof(ExportRequestedBody))]
[JsonSerializable(typeof(ExportDataBody))]
[JsonSerializable(typeof(CaptureUsageRequestBody))]
[JsonSerializable(typeof(CaptureUsageResponseBody))]
[JsonSerializable(typeof(TicketBody))]
[JsonSerializable(typeof(CoachingRequestBody))]
[JsonSerializable(typeof(List<CoachingSessionItem>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
}
