using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api.Wire;

/// <summary>One session of the coaching export's answer (a JSON array of these).</summary>
internal sealed class CoachingSessionItem
{
    [JsonPropertyName("_id")] public string? Id { get; set; }

    [JsonPropertyName("coachingFormName")] public string? CoachingFormName { get; set; }

    [JsonPropertyName("coachingTemplateId")] public string? CoachingTemplateId { get; set; }

    [JsonPropertyName("coachingTemplateName")] public string? CoachingTemplateName { get; set; }

    [JsonPropertyName("meetingFormat")] public string? MeetingFormat { get; set; }

    [JsonPropertyName("formCreatorId")] public string? FormCreatorId { get; set; }

    [JsonPropertyName("formCreatorName")] public string? FormCreatorName { get; set; }

    [JsonPropertyName("coachName")] public string? CoachName { get; set; }

    [JsonPropertyName("coachId")] public string? CoachId { get; set; }

    [JsonPropertyName("agentName")] public string? AgentName { get; set; }

    [JsonPropertyName("agentId")] public string? AgentId { get; set; }

    // Dates as text: one that does not read leaves its property null rather than failing the whole answer.
    [JsonPropertyName("meetingDate")] [JsonConverter(typeof(LenientTextConverter))] public string? MeetingDate { get; set; }

    [JsonPropertyName("createdAt")] [JsonConverter(typeof(LenientTextConverter))] public string? CreatedAt { get; set; }

    [JsonPropertyName("updatedAt")] [JsonConverter(typeof(LenientTextConverter))] public string? UpdatedAt { get; set; }

    [JsonPropertyName("sharedWithAgent")] public bool? SharedWithAgent { get; set; }

    [JsonPropertyName("agentConfirmed")] public bool? AgentConfirmed { get; set; }

    [JsonPropertyName("coachConfirmed")] public bool? CoachConfirmed { get; set; }

    [JsonPropertyName("isDeleted")] public bool? IsDeleted { get; set; }

    [JsonPropertyName("coachNotes")] public string? CoachNotes { get; set; }

    [JsonPropertyName("agentNotes")] public string? AgentNotes { get; set; }

    [JsonPropertyName("coachingPoints")] public List<CoachingPointItem?>? CoachingPoints { get; set; }

    [JsonPropertyName("activityLog")] public List<CoachingActivityItem?>? ActivityLog { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Additional { get; set; }

    /// <summary>The text of the date <paramref name="axis"/> selects by, as sent (for messages about one that does not read).</summary>
    public string? AxisText(CoachingTimeAxis axis) => axis == CoachingTimeAxis.CreatedAt ? CreatedAt : MeetingDate;

    public MqaCoachingSession ToModel() => new()
    {
        Id = Id,
        CoachingFormName = CoachingFormName,
        CoachingTemplateId = CoachingTemplateId,
        CoachingTemplateName = CoachingTemplateName,
        MeetingFormat = MeetingFormat,
        FormCreatorId = FormCreatorId,
        FormCreatorName = FormCreatorName,
        CoachName = CoachName,
        CoachId = CoachId,
        AgentName = AgentName,
        AgentId = AgentId,
        MeetingDate = ApiDateFormat.ParseUtc(MeetingDate),
        CreatedAt = ApiDateFormat.ParseUtc(CreatedAt),
        UpdatedAt = ApiDateFormat.ParseUtc(UpdatedAt),
        SharedWithAgent = SharedWithAgent,
        AgentConfirmed = AgentConfirmed,
        CoachConfirmed = CoachConfirmed,
        IsDeleted = IsDeleted,
        CoachNotes = CoachNotes,
        AgentNotes = AgentNotes,
        CoachingPoints = new MqaCoachingPointList((CoachingPoints ?? []).OfType<CoachingPointItem>().Select(point => point.ToModel())),
        ActivityLog = new MqaCoachingActivityList((ActivityLog ?? []).OfType<CoachingActivityItem>().Select(entry => entry.ToModel())),
        AdditionalFields = AdditionalFieldsJson.Read(Additional),
    };
}
