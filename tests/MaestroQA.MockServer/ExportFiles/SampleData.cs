namespace MaestroQA.MockServer.ExportFiles;

internal sealed record SampleAgent(string Id, string Name, string Email, string[] AllIds);

internal sealed record SampleQuestion(string Id, string Text, double MaxScore);

internal sealed record SampleSection(string Id, string Name, double Weight, SampleQuestion[] Questions);

internal sealed record SampleRubric(string Id, string Name, SampleSection[] Sections)
{
    public double MaxScore => Sections.Sum(section => section.Questions.Sum(question => question.MaxScore));
}

internal sealed record SampleGroup(string Id, string Name, string[] AgentIds);

/// <summary>
/// The fixed cast of the generated data. Texts carry what real exports do: commas, double quotes, line breaks,
/// accents, CJK and emoji; ids look like helpdesk ids.
/// </summary>
internal static class SampleData
{
    public static readonly SampleAgent[] Agents =
    [
        new("360001234501", "Amélie Dubois", "amelie.dubois@example.com", ["360001234501", "amelie@chat.example.com"]),
        new("360001234502", "Jürgen Müller", "juergen.mueller@example.com", ["360001234502"]),
        new("360001234503", "日本 太郎", "taro.nihon@example.jp", ["360001234503", "U024BE7LH"]),
        new("360001234504", "Zoë O'Connor", "zoe.oconnor@example.com", ["360001234504"]),
        new("360001234505", "Chloé Martin 🚀", "chloe.martin@example.com", ["360001234505", "chloe.m", "88812"]),
        new("360001234506", "Li, Wei", "wei.li@example.com", ["360001234506"]),
        new("360001234507", "Sam \"Ace\" Lee", "sam.lee@example.com", ["360001234507"]),
        new("360001234508", "José Núñez", "jose.nunez@example.com", ["360001234508", "jose@chat.example.com"]),
        new("360001234509", "Priya Patel", "priya.patel@example.com", ["360001234509"]),
        new("360001234510", "Søren Ågård", "soren.agard@example.dk", ["360001234510"]),
    ];

    public static readonly SampleGroup[] Groups =
    [
        // "123" is the group id of the article's screen-capture example.
        new("123", "Tier 1 Support", ["360001234501", "360001234502", "360001234503", "360001234504"]),
        new("grp_emea", "EMEA — Équipe Support", ["360001234501", "360001234505", "360001234510"]),
        new("grp_billing", "Billing, Refunds & \"Disputes\"", ["360001234506", "360001234507"]),
        new("grp_apac", "日本 Support 🌸", ["360001234503", "360001234508", "360001234509"]),
    ];

    public static readonly string[] Graders =
        ["grace.grader@example.com", "qa-lead@example.com", "ana.qa@example.com", "maestro.bot@example.com"];

    public static readonly string[] Sources = ["zendesk", "intercom", "kustomer", "custom helpdesk", "salesforce"];

    public static readonly SampleRubric[] Rubrics =
    [
        new("rub_5f1a2b", "Support Quality, 2024",
        [
            new("sec_open", "Opening", 0.25,
            [
                new("q_greet", "Did the agent greet the customer by name?", 1),
                new("q_tone", "Tone & empathy:\nwas the agent warm?", 5),
            ]),
            new("sec_resolve", "Resolution, accuracy", 0.5,
            [
                new("q_resolved", "Was the issue resolved, or escalated correctly?", 10),
                new("q_three_r", "Did the agent use the \"3 R's\" (recognise, respond, resolve)?", 2),
                new("q_macro", "Was the correct macro used? 🤖", 1),
            ]),
            new("sec_close", "Closing", 0.25, [new("q_followup", "¿Se ofreció seguimiento?", 2)]),
        ]),
        new("rub_8c3d4e", "Chat — Tone \"Plus\"",
        [
            new("sec_chat", "Chat etiquette", 0.6,
            [
                new("q_reply", "First reply within 60s?", 1),
                new("q_emoji", "Appropriate use of emoji 😀", 1),
            ]),
            new("sec_policy", "Policy", 0.4, [new("q_refund", "Refund policy explained, incl. exceptions?", 3)]),
        ]),
    ];

    public static readonly string[] Comments =
    [
        "Great job, friendly tone.",
        "Customer asked for a \"refund\", agent offered store credit instead.",
        "Missed the greeting.\nOtherwise solid, see annotation.",
        "Très bien — merci ! 👍",
        "Line one\r\nLine two, with a comma",
        "素晴らしい対応でした。",
        "Used macro \"Billing, v2\"; needs personalisation",
        "OK",
    ];

    public static readonly string[] AnswerLabels = ["Yes", "No", "N/A", "Partially, needs coaching", "Exceeds \"expectations\""];

    public static readonly string[] FeedbackLabels = ["Coaching needed", "Well done 🎉", "See comment, please"];

    public static readonly string[] SelectedTexts =
    [
        "I understand, let me check that for you",
        "Your order #1234, placed on 2020-06-24, has \"shipped\"",
        "ありがとうございます",
        "We can't do that.\nSorry.",
    ];

    public static readonly string[] CsatComments =
        ["Fast and friendly 😊", "Too slow, had to \"chase\" twice", "Merci beaucoup !", "Line 1\nLine 2", "ok"];

    public static readonly string[] AuditItemTypes = ["rubric", "grade", "user", "export", "agent_group", "ticket"];

    public static readonly string[] AuditActions = ["create", "update", "delete", "login", "export"];

    public static readonly string[] AuditDescriptions =
    [
        "Updated rubric \"Support Quality, 2024\"",
        "Exported raw data, 2018-08-13 to 2018-08-19",
        "Deleted grade for ticket 4123456,\nreason: duplicate",
        "Logged in from 日本",
        "Changed role: Agent → Admin",
        "Created agent group Tier 1 Support",
    ];

    public static readonly string[] IpAddresses = ["203.0.113.7", "198.51.100.23", "192.0.2.200", "2001:db8::1"];

    public static SampleAgent AgentById(string id) => Agents.First(agent => agent.Id == id);
}
