using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tickets;

/// <summary>What a ticket row is for: a create needs every field the API requires; an update sends only what is given.</summary>
public enum TicketRowPurpose
{
    Create,
    Update,
}

/// <summary>
/// The fields a ticket row may give, by the name each goes by in PowerShell (the API's own names are the columns'
/// aliases, which the cmdlets map to these).
/// </summary>
public static class TicketField
{
    public const string GradableId = nameof(GradableId);
    public const string TicketId = nameof(TicketId);
    public const string Type = nameof(Type);
    public const string Subject = nameof(Subject);
    public const string Agent = nameof(Agent);
    public const string Link = nameof(Link);
    public const string Body = nameof(Body);
    public const string Tag = nameof(Tag);
    public const string Status = nameof(Status);
    public const string CsatScore = nameof(CsatScore);
    public const string FirstSeen = nameof(FirstSeen);
    public const string LastSeen = nameof(LastSeen);
    public const string Attributes = nameof(Attributes);

    public static IReadOnlyList<string> All { get; } =
        [GradableId, TicketId, Type, Subject, Agent, Link, Body, Tag, Status, CsatScore, FirstSeen, LastSeen, Attributes];
}

/// <summary>
/// One row of a ticket load, read: the ticket to send, or every reason it cannot be sent. Values arrive as users and CSV
/// files give them (text, numbers, dates, lists, dictionaries, JSON text), so each is checked here, per row, before
/// anything is sent: the row's error names every unusable field at once.
/// </summary>
public sealed class TicketRow
{
    private static readonly char[] ListSeparators = [',', ';'];

    // A date whose day and month come first, in an order only its writer's culture knew.
    private static readonly Regex DayOrMonthFirst = new(@"^\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(\D|$)", RegexOptions.CultureInvariant);

    private TicketRow(string id, MqaTicket? ticket, IReadOnlyList<string> problems)
    {
        Id = id;
        Ticket = ticket;
        Problems = problems;
    }

    /// <summary>The ticket's id as given, trimmed, or "(no gradable_id)": what an error names the row by.</summary>
    public string Id { get; }

    /// <summary>The ticket to send; null when <see cref="Problems"/> has any.</summary>
    public MqaTicket? Ticket { get; }

    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads a row's fields (by <see cref="TicketField"/> name, in any case; a missing or null field is not given).</summary>
    /// <param name="namesTicketsByTicketId">The server names tickets by ticket_id (today's edition), where a link is optional.</param>
    public static TicketRow Read(IReadOnlyDictionary<string, object?> fields, TicketRowPurpose purpose, bool namesTicketsByTicketId = false)
    {
        var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, object?> field in fields)
        {
            row[field.Key] = field.Value;
        }

        var problems = new List<string>();
        string? gradableId = Text(row, TicketField.GradableId);
        string? ticketId = Text(row, TicketField.TicketId);
        if (gradableId is not null && ticketId is not null && !string.Equals(gradableId, ticketId, StringComparison.Ordinal))
        {
            problems.Add($"GradableId (gradable_id) '{gradableId}' and TicketId (ticket_id) '{ticketId}' name different tickets; give one of them");
        }

        string? id = gradableId ?? ticketId;
        if (id is null)
        {
            problems.Add("GradableId (gradable_id) is required");
        }

        string[]? agents = ReadList(row, TicketField.Agent, "Agent (agents)", problems);
        string? link = Text(row, TicketField.Link);
        if (purpose == TicketRowPurpose.Create)
        {
            bool linkRequired = !namesTicketsByTicketId && ticketId is null;
            foreach ((string field, string name) in new[] { (TicketField.Type, "Type (type)"), (TicketField.Subject, "Subject (subject)"), (TicketField.Link, "Link (link)"), (TicketField.Body, "Body (body)") })
            {
                if ((field != TicketField.Link || linkRequired) && Text(row, field) is null)
                {
                    problems.Add($"{name} is required");
                }
            }

            if (agents is null || agents.Length == 0)
            {
                problems.Add("Agent (agents) needs at least one agent id");
            }
        }

        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add($"Link (link) '{link}' is not an absolute http(s) URL");
        }

        double? csat = ReadNumber(Value(row, TicketField.CsatScore), "CsatScore (csat_score)", problems);
        DateTime? firstSeen = ReadDate(Value(row, TicketField.FirstSeen), "FirstSeen (first_seen)", problems);
        DateTime? lastSeen = ReadDate(Value(row, TicketField.LastSeen), "LastSeen (last_seen)", problems);
        string[]? tags = ReadList(row, TicketField.Tag, "Tag (tags)", problems);
        TicketAttributes? attributes = ReadAttributes(Value(row, TicketField.Attributes), problems);
        string shownId = id ?? "(no gradable_id)";
        if (problems.Count > 0)
        {
            return new TicketRow(shownId, null, problems);
        }

        var ticket = new MqaTicket
        {
            GradableId = id,
            Type = Text(row, TicketField.Type),
            Subject = Text(row, TicketField.Subject),
            Agents = agents is { Length: > 0 } ? new TextList(agents) : null,
            Link = link,

            // The body is sent as written: its spaces and line breaks are the ticket's text.
            Body = Value(row, TicketField.Body) is object body && Convert.ToString(body, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null,
            Tags = tags is { Length: > 0 } ? new TextList(tags) : null,
            Status = Text(row, TicketField.Status),
            CsatScore = csat,
            FirstSeen = firstSeen,
            LastSeen = lastSeen,
            Attributes = attributes,
        };
        return new TicketRow(shownId, ticket, []);
    }

    /// <summary>The one message a row that cannot be sent is reported with.</summary>
    public string Describe(TicketRowPurpose purpose) =>
        $"Ticket '{Id}' was not {(purpose == TicketRowPurpose.Create ? "sent" : "updated")}: {string.Join("; ", Problems)}.";

    private static object? Value(Dictionary<string, object?> row, string field) => row.TryGetValue(field, out object? value) ? value : null;

    /// <summary>Text with its ends trimmed; null when blank or not given.</summary>
    private static string? Text(Dictionary<string, object?> row, string field) =>
        Value(row, field) switch
        {
            null => null,
            string text => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            object other => Convert.ToString(other, CultureInfo.InvariantCulture) is string text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null,
        };

    /// <summary>
    /// A list of ids or tags: given as a list, as text split on ',' or ';', or as the JSON array a tool may write into
    /// a CSV cell (<c>["a1","a2"]</c>), which is read as one list, never split on its commas.
    /// </summary>
    private static string[]? ReadList(Dictionary<string, object?> row, string field, string name, List<string> problems)
    {
        object? value = Value(row, field);
        if (value is null)
        {
            return null;
        }

        var items = new List<string>();
        IEnumerable<object?> values = value is string or not IEnumerable ? [value] : ((IEnumerable)value).Cast<object?>();
        foreach (object? item in values)
        {
            string text = Convert.ToString(item, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
            if (text.StartsWith("[", StringComparison.Ordinal))
            {
                if (JsonTextList(text) is string[] parsed)
                {
                    items.AddRange(parsed);
                }
                else
                {
                    problems.Add($"{name} '{text}' starts like a JSON array but is not one of texts");
                }

                continue;
            }

            items.AddRange(text.Split(ListSeparators).Select(part => part.Trim()).Where(part => part.Length > 0));
        }

        return items.ToArray();
    }

    private static string[]? JsonTextList(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var items = new List<string>();
            foreach (JsonElement item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                if (item.GetString()!.Trim() is { Length: > 0 } entry)
                {
                    items.Add(entry);
                }
            }

            return items.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double? ReadNumber(object? value, string name, List<string> problems)
    {
        double number;
        switch (value)
        {
            case null:
            case string text when string.IsNullOrWhiteSpace(text):
                return null;
            case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed):
                number = parsed;
                break;
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                break;
            default:
                problems.Add($"{name} '{value}' is not a number");
                return null;
        }

        // NaN and infinity are numbers to .NET but not to JSON, nor to anyone's CSAT scale ("1e400" reads as infinity).
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            problems.Add($"{name} '{value}' is not a finite number");
            return null;
        }

        return number;
    }

    private static DateTime? ReadDate(object? value, string name, List<string> problems)
    {
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            return null;
        }

        // 02.01.2024 is 2 January where Export-Csv wrote it and 1 February to the invariant culture: never guessed.
        if (value is string dayOrMonthFirst && DayOrMonthFirst.IsMatch(dayOrMonthFirst))
        {
            problems.Add($"{name} '{value}' does not say which is the day and which the month (Export-Csv writes dates in its culture's order): write the year first, as 2024-01-31 or 2024-01-31T08:00:00Z");
            return null;
        }

        if (DateInput.TryToUtc(value, out DateTimeOffset utc))
        {
            return utc.UtcDateTime;
        }

        problems.Add($"{name} '{value}' is not a date");
        return null;
    }

    /// <summary>Custom fields from a dictionary, or from the JSON object text an exported ticket's CSV cell holds.</summary>
    private static TicketAttributes? ReadAttributes(object? value, List<string> problems)
    {
        const string Name = "Attributes (attributes)";
        switch (value)
        {
            case null:
            case string blank when string.IsNullOrWhiteSpace(blank):
                return null;
            case string text:
                string? why = null;
                try
                {
                    using JsonDocument document = JsonDocument.Parse(text);
                    if (document.RootElement.ValueKind == JsonValueKind.Object && AttributesJson.FromValue(document.RootElement) is TicketAttributes parsed)
                    {
                        return parsed;
                    }
                }
                catch (JsonException ex) when (ex.Path is null && ex.LineNumber is null)
                {
                    why = ex.Message; // ours: it parses, but cannot be sent as it is
                }
                catch (JsonException)
                {
                    // Reported below, as any text that is not an object.
                }

                problems.Add($"{Name} '{text}' is not a JSON object{(why is null ? string.Empty : $" to send: {why}")}");
                return null;
            case IDictionary or IEnumerable<KeyValuePair<string, object?>>:
                return (TicketAttributes)AttributeValue(value, depth: 0, Name, problems)!;
            default:
                problems.Add($"{Name} must be a hashtable, an object or JSON object text; got {value.GetType().Name}");
                return null;
        }
    }

    /// <summary>An attribute value as the wire takes it: text, whole or other numbers, booleans, null, lists and nested attributes.</summary>
    private static object? AttributeValue(object? value, int depth, string name, List<string> problems)
    {
        if (depth > 32)
        {
            problems.Add($"{name} nests more than 32 levels deep");
            return null;
        }

        switch (value)
        {
            case null or string or bool:
                return value;
            case sbyte or byte or short or ushort or int or uint or long:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ulong or float or double or decimal:
                double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    problems.Add($"{name} holds {number.ToString(CultureInfo.InvariantCulture)}, which JSON cannot carry");
                    return null;
                }

                return number;
            case DateTime or DateTimeOffset:
                return DateInput.TryToUtc(value, out DateTimeOffset utc) ? ApiDateFormat.Format(utc) : null;
            case IDictionary dictionary:
                var members = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    members[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = AttributeValue(entry.Value, depth + 1, name, problems);
                }

                return new TicketAttributes(members);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return new TicketAttributes(pairs.ToDictionary(pair => pair.Key, pair => AttributeValue(pair.Value, depth + 1, name, problems), StringComparer.Ordinal));
            case IEnumerable items:
                return items.Cast<object?>().Select(item => AttributeValue(item, depth + 1, name, problems)).ToArray();
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }
}
