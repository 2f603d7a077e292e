using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Tickets;

/// <summary>
/// The ticket fields New-MqaTicket and Set-MqaTicket bind, from parameters or from CSV rows by property name
/// (PascalCase or the API's own column names), and the one place that turns them into an MqaTicket.
/// Values arrive as text from CSV, so they are checked here, per row, rather than by the binder.
/// </summary>
public abstract class TicketFieldsCmdlet : MqaApiCmdlet
{
    private static readonly char[] ListSeparators = [',', ';'];

    /// <summary>The parameters that make up a row; common ones (-ErrorVariable…) and -Session are not part of it.</summary>
    private static readonly HashSet<string> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(GradableId), nameof(Type), nameof(Subject), nameof(Agent), nameof(Link), nameof(Body), nameof(Tag),
        nameof(Status), nameof(CsatScore), nameof(FirstSeen), nameof(LastSeen),
    };

    private readonly List<PropertyInfo> _setFromDictionary = [];
    private TicketColumns? _columns;

    /// <summary>The row as it came down the pipeline, so a failed row's error carries it whole as TargetObject.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("gradable_id")]
    [AllowEmptyString]
    [AllowNull]
    public string? GradableId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Type { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Subject { get; set; }

    /// <summary>Agent ids; text is split on ',' or ';'.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Agents")]
    [AllowEmptyCollection]
    [AllowNull]
    public string[]? Agent { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Link { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Body { get; set; }

    /// <summary>Tags; text is split on ',' or ';'.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tags")]
    [AllowEmptyCollection]
    [AllowNull]
    public string[]? Tag { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Status { get; set; }

    /// <summary>A number; text is read in the invariant culture.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("csat_score")]
    [AllowNull]
    public object? CsatScore { get; set; }

    /// <summary>When the ticket was created; a date without an offset is local time.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("first_seen")]
    [AllowNull]
    public object? FirstSeen { get; set; }

    /// <summary>The last activity on the ticket; a date without an offset is local time.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("last_seen")]
    [AllowNull]
    public object? LastSeen { get; set; }

    /// <summary>
    /// What identifies this row in errors: the pipeline object (a $null row is $null, never the row before), else the
    /// parameters as given.
    /// </summary>
    protected object? CurrentRow => MyInvocation.ExpectingInput ? InputObject : BoundFieldsAsObject();

    /// <summary>
    /// Converts this record's fields. False, with one error naming the row's gradable_id and every unusable field, when
    /// the row cannot be sent; the caller writes it, so it can keep errors in input order. <paramref name="requireAll"/>
    /// demands the fields the API needs to create a ticket; otherwise (an update) a blank field means "leave as is".
    /// </summary>
    protected bool TryReadTicket(bool requireAll, out MqaTicket ticket, out ErrorRecord? invalid)
    {
        string what = requireAll ? "sent" : "updated";
        if (MyInvocation.ExpectingInput && InputObject is null)
        {
            invalid = ErrorRecords.InvalidArgument("InvalidTicket", $"A $null row came down the pipeline; nothing was {what} for it.", null);
            ticket = null!;
            return false;
        }

        ReadRowColumns();
        try
        {
            return TryReadFields(requireAll, what, out ticket, out invalid);
        }
        finally
        {
            // PowerShell resets the fields it bound from a row before the next; those bound here from a hashtable, too.
            _setFromDictionary.ForEach(property => property.SetValue(this, null));
            _setFromDictionary.Clear();
        }
    }

    private bool TryReadFields(bool requireAll, string what, out MqaTicket ticket, out ErrorRecord? invalid)
    {
        // 'T-1', 'T-2' | Set-MqaTicket -Status solved: a bare string is the id, as for Remove-MqaTicket.
        string? gradableId = string.IsNullOrWhiteSpace(GradableId) && InputObject?.BaseObject is string pipedId ? pipedId : GradableId;
        string id = string.IsNullOrWhiteSpace(gradableId) ? "(no gradable_id)" : gradableId!.Trim();
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(gradableId))
        {
            problems.Add("GradableId (gradable_id) is required");
        }

        string[]? agents = SplitList(Agent);
        if (requireAll)
        {
            foreach ((string name, string? value) in new[] { ("Type (type)", Type), ("Subject (subject)", Subject), ("Link (link)", Link), ("Body (body)", Body) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"{name} is required");
                }
            }

            if (agents is null || agents.Length == 0)
            {
                problems.Add("Agent (agents) needs at least one agent id");
            }
        }

        if (!string.IsNullOrWhiteSpace(Link) && !(Uri.TryCreate(Link!.Trim(), UriKind.Absolute, out Uri? link) && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add($"Link (link) '{Link}' is not an absolute http(s) URL");
        }

        double? csat = ReadNumber(CsatScore, "CsatScore (csat_score)", problems);
        DateTime? firstSeen = ReadDate(FirstSeen, "FirstSeen (first_seen)", problems);
        DateTime? lastSeen = ReadDate(LastSeen, "LastSeen (last_seen)", problems);
        if (problems.Count > 0)
        {
            invalid = ErrorRecords.InvalidArgument("InvalidTicket", $"Ticket '{id}' was not {what}: {string.Join("; ", problems)}.", CurrentRow);
            ticket = null!;
            return false;
        }

        invalid = null;
        ticket = new MqaTicket
        {
            GradableId = gradableId!.Trim(),
            Type = NullIfBlank(Type),
            Subject = NullIfBlank(Subject),
            Agents = agents is { Length: > 0 } ? new TextList(agents) : null,
            Link = NullIfBlank(Link),
            Body = string.IsNullOrEmpty(Body) ? null : Body,
            Tags = SplitList(Tag) is { Length: > 0 } tags ? new TextList(tags) : null,
            Status = NullIfBlank(Status),
            CsatScore = csat,
            FirstSeen = firstSeen,
            LastSeen = lastSeen,
        };
        return true;
    }

    private PSObject BoundFieldsAsObject()
    {
        var row = new PSObject();
        foreach (KeyValuePair<string, object> parameter in MyInvocation.BoundParameters)
        {
            if (FieldNames.Contains(parameter.Key))
            {
                row.Properties.Add(new PSNoteProperty(parameter.Key, parameter.Value));
            }
        }

        return row;
    }

    private static string[]? SplitList(string[]? values) =>
        values?.SelectMany(value => (value ?? string.Empty).Split(ListSeparators))
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)
            .ToArray();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static double? ReadNumber(object? input, string name, List<string> problems)
    {
        object? value = PSInput.Unwrap(input);
        switch (value)
        {
            case null:
            case string text when string.IsNullOrWhiteSpace(text):
                return null;
            case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed):
                return Finite(parsed, value, name, problems);
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return Finite(Convert.ToDouble(value, CultureInfo.InvariantCulture), value, name, problems);
            default:
                problems.Add($"{name} '{value}' is not a number");
                return null;
        }
    }

    // NaN and infinity are numbers to .NET but not to JSON, nor to anyone's CSAT scale ("1e400" reads as infinity).
    private static double? Finite(double number, object value, string name, List<string> problems)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            problems.Add($"{name} '{value}' is not a finite number");
            return null;
        }

        return number;
    }

    /// <summary>
    /// Binds a hashtable row's keys to the fields (PowerShell binds only objects' properties), and names once, in a
    /// warning, the columns of a row that match no field. A field given as a parameter keeps its value.
    /// </summary>
    private void ReadRowColumns()
    {
        if (InputObject is null)
        {
            return;
        }

        _columns ??= new TicketColumns(MyInvocation.MyCommand, FieldNames);
        IReadOnlyList<string> unknown = _columns.NewUnknownColumns(InputObject);
        if (unknown.Count > 0)
        {
            WriteWarning($"Ignored columns, which match no ticket field: {string.Join(", ", unknown)}.");
        }

        if (InputObject.BaseObject is IDictionary row)
        {
            foreach (DictionaryEntry entry in row)
            {
                if (_columns.FieldOf(entry.Key?.ToString() ?? string.Empty) is string field && !MyInvocation.BoundParameters.ContainsKey(field))
                {
                    PropertyInfo property = GetType().GetProperty(field)!;
                    property.SetValue(this, entry.Value is null ? null : LanguagePrimitives.ConvertTo(entry.Value, property.PropertyType, CultureInfo.InvariantCulture));
                    _setFromDictionary.Add(property);
                }
            }
        }
    }

    private static DateTime? ReadDate(object? input, string name, List<string> problems)
    {
        object? value = PSInput.Unwrap(input);
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            return null;
        }

        if (ApiDates.TryToUtc(value, out DateTimeOffset utc))
        {
            return utc.UtcDateTime;
        }

        problems.Add($"{name} '{value}' is not a date");
        return null;
    }
}
