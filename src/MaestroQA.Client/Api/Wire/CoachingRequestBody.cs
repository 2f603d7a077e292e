using System.Text.Json.Serialization;

namespace MaestroQA.Client.Api.Wire;

/// <summary>The coaching export's question: whole UTC days, at most 90 apart, on one axis.</summary>
internal sealed class CoachingRequestBody
{
    [JsonPropertyName("startDate")] public string StartDate { get; set; } = string.Empty;

    [JsonPropertyName("endDate")] public string EndDate { get; set; } = string.Empty;

    [JsonPropertyName("timeAxis")] public string TimeAxis { get; set; } = string.Empty;
}
