using System.Collections.Generic;
using System.Text.Json.Serialization;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Wire;

internal sealed class CaptureUsageRequestBody
{
    [JsonPropertyName("groupIds")] public IReadOnlyList<string> GroupIds { get; set; } = [];

    [JsonPropertyName("interval")] public string Interval { get; set; } = string.Empty;
}

internal sealed class CaptureUsageResponseBody
{
    [JsonPropertyName("data")] public List<MqaCaptureUsage>? Data { get; set; }
}
