namespace MaestroQA.MockServer.Coaching;

/// <summary>A MaestroQA user who coaches (and creates coaching forms); ids shaped like the 24-hex-digit database ids.</summary>
internal sealed record SampleCoach(string Id, string Name, string Email);

internal sealed record SampleTemplate(string Id, string Name);

/// <summary>
/// The fixed cast and texts of the generated coaching sessions; agents are the exports' own
/// (<see cref="ExportFiles.SampleData.Agents"/>). Notes carry what free text does: commas, quotes, line breaks.
/// </summary>
internal static class CoachingData
{
    public static readonly SampleCoach[] Coaches =
    [
        new("5f3c9a1b2e4d6f8a0b1c2d3e", "Grace Grader", "grace.grader@example.com"),
        new("5f3c9a1b2e4d6f8a0b1c2d3f", "Quentin \"QA\" Lead", "qa-lead@example.com"),
        new("60a7e2c4b1d3f5a7c9e1b3d5", "Ana Souza", "ana.qa@example.com"),
        new("60a7e2c4b1d3f5a7c9e1b3d6", "Kim, Min-jun", "minjun.kim@example.com"),
    ];

    public static readonly SampleTemplate[] Templates =
    [
        new("62b1d0e3f4a5b6c7d8e9f0a1", "Weekly 1:1"),
        new("62b1d0e3f4a5b6c7d8e9f0a2", "QA Review — Tone & Empathy"),
        new("62b1d0e3f4a5b6c7d8e9f0a3", "CSAT follow-up, \"detractors\""),
    ];

    public static readonly string[] MeetingFormats = ["video", "in_person", "phone", "async"];

    public static readonly string[] CoachNotes =
    [
        "",
        "Great progress on tone.",
        "Discussed ticket 4123456, the \"refund\" macro, and escalation paths.",
        "Goals:\n1. Faster first reply\n2. Personalise macros",
        "Très bien — keep it up 👍",
        "Line one\r\nLine two, with a comma",
    ];

    public static readonly string[] AgentNotes =
    [
        "",
        "Thanks!",
        "Agreed, will use \"3 R's\" going forward.",
        "Questions:\n- weekend shifts?\n- new macro, v2",
    ];

    public static readonly string[] ActionTypes = ["created", "updated", "shared", "confirmed", "commented"];

    public static readonly string[] ActionDescriptions =
    [
        "Created coaching session",
        "Updated coach notes",
        "Shared with agent",
        "Agent confirmed, \"looks good\"",
        "Added coaching point:\nempathy",
        "Changed meeting date",
    ];

    public static readonly string[] PointTypes = ["strength", "opportunity", "n/a"];

    public static readonly string[] PointClassifications = ["general", "qa", "csat", "productivity"];

    public static readonly string[] PointSubjects =
    [
        "Refund request, order #1234",
        "Login issue \"2FA\"",
        "Shipping delay\nfollow-up",
        "Upgrade to Pro plan",
        "配送について",
    ];
}
