using System.Text.Json.Serialization;

namespace MaestroQA.Client.Api.Wire;

// The API's request and response bodies for exports: its field names live here and nowhere else.

internal sealed class RawExportRequestBody
{
    [JsonPropertyName("startDate")] public string StartDate { get; set; } = string.Empty;

    [JsonPropertyName("endDate")] public string EndDate { get; set; } = string.Empty;

    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonPropertyName("singleFileExport")] public string? SingleFileExport { get; set; }

    [JsonPropertyName("includeCalibrations")] public string? IncludeCalibrations { get; set; }

    [JsonPropertyName("includeGraderQA")] public bool? IncludeGraderQA { get; set; }
}

internal sealed class GroupsExportRequestBody
{
    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonPropertyName("includeUnavailable")] public bool? IncludeUnavailable { get; set; }
}

internal sealed class AuditLogExportRequestBody
{
    [JsonPropertyName("startDate")] public string StartDate { get; set; } = string.Empty;

    [JsonPropertyName("endDate")] public string EndDate { get; set; } = string.Empty;

    [JsonPropertyName("name")] public string? Name { get; set; }
}

internal sealed class ExportRequestedBody
{
    [JsonPropertyName("exportId")] public string? ExportId { get; set; }
}

internal sealed class ExportDataBody
{
    [JsonPropertyName("status")] public string? Status { get; set; }

    [JsonPropertyName("dataUrl")] public string? DataUrl { get; set; }
}
