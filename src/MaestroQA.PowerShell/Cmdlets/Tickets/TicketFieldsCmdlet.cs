using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tickets;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Tickets;

/// <summary>
/// The ticket fields New-MqaTicket and Set-MqaTicket bind, from parameters or from CSV rows by property name
/// (PascalCase or the API's own column names). The cmdlet only gathers a row's fields; the engine's
/// <see cref="TicketRow"/> reads them, per row, since values arrive as text from CSV.
/// </summary>
public abstract class TicketFieldsCmdlet : MqaApiCmdlet
{
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

    /// <summary>The ticket's id as today's edition of the API names it; the same value as -GradableId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ticket_id")]
    [AllowEmptyString]
    [AllowNull]
    public string? TicketId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Type { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Subject { get; set; }

    /// <summary>Agent ids; text is split on ',' or ';', and a JSON array of ids is read as one list.</summary>
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

    /// <summary>Tags; text is split on ',' or ';', and a JSON array of tags is read as one list.</summary>
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

    /// <summary>Custom fields, sent as the API's attributes object: a hashtable, an object, or JSON object text.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public object? Attributes { get; set; }

    /// <summary>
    /// What identifies this row in errors: the pipeline object (a $null row is $null, never the row before), else the
    /// parameters as given.
    /// </summary>
    protected object? CurrentRow => MyInvocation.ExpectingInput ? InputObject : BoundFieldsAsObject();

    /// <summary>
    /// Reads this record's fields. False, with one error naming the row's id and every unusable field, when the row
    /// cannot be sent; the caller writes it, so it can keep errors in input order.
    /// </summary>
    protected bool TryReadTicket(TicketRowPurpose purpose, out MqaTicket ticket, out ErrorRecord? invalid)
    {
        ticket = null!;
        if (MyInvocation.ExpectingInput && InputObject is null)
        {
            invalid = ErrorRecords.InvalidArgument("InvalidTicket", $"A $null row came down the pipeline; nothing was {(purpose == TicketRowPurpose.Create ? "sent" : "updated")} for it.", null);
            return false;
        }

        Dictionary<string, object?> fields;
        try
        {
            fields = GatherFields();
        }
        catch (ArgumentException tooDeep)
        {
            invalid = ErrorRecords.InvalidArgument("InvalidTicket", $"A field of this row cannot be read: {tooDeep.Message} Nothing was {(purpose == TicketRowPurpose.Create ? "sent" : "updated")} for it.", CurrentRow);
            return false;
        }

        TicketRow row = TicketRow.Read(fields, purpose, Client.NamesTicketsByTicketId);
        if (row.Ticket is null)
        {
            invalid = ErrorRecords.InvalidArgument("InvalidTicket", row.Describe(purpose), CurrentRow);
            return false;
        }

        invalid = null;
        ticket = row.Ticket;
        return true;
    }

    /// <summary>
    /// The row's fields: those bound (from parameters, or from an object's properties), then a hashtable row's keys,
    /// which PowerShell does not bind by property name; a field given as a parameter keeps its value. Columns that match
    /// no field are named once, in a warning, so a misspelt header is not met only as "Subject is required".
    /// </summary>
    private Dictionary<string, object?> GatherFields()
    {
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach ((string field, object? value) in FieldValues())
        {
            if (PSInput.ToPlain(value) is object given)
            {
                fields[field] = given;
            }
        }

        if (InputObject is null)
        {
            return fields;
        }

        _columns ??= new TicketColumns(MyInvocation.MyCommand, TicketField.All);
        IReadOnlyList<string> unknown = _columns.NewUnknownColumns(InputObject);
        if (unknown.Count > 0)
        {
            WriteWarning($"Ignored columns, which match no ticket field: {string.Join(", ", unknown)}.");
        }

        if (InputObject.BaseObject is IDictionary row)
        {
            foreach (DictionaryEntry entry in row)
            {
                if (_columns.FieldOf(entry.Key?.ToString() ?? string.Empty) is string field && !fields.ContainsKey(field))
                {
                    fields[field] = PSInput.ToPlain(entry.Value);
                }
            }
        }

        // 'T-1', 'T-2' | Set-MqaTicket -Status solved: a bare string is the id, as for Remove-MqaTicket.
        if (InputObject.BaseObject is string id && !fields.ContainsKey(TicketField.GradableId) && !fields.ContainsKey(TicketField.TicketId))
        {
            fields[TicketField.GradableId] = id;
        }

        return fields;
    }

    private PSObject BoundFieldsAsObject()
    {
        var row = new PSObject();
        foreach ((string field, object? value) in FieldValues().Where(field => field.Value is not null))
        {
            row.Properties.Add(new PSNoteProperty(field, value));
        }

        return row;
    }

    /// <summary>
    /// The fields as this record's binding left them: null is not given. Read from the properties, never from
    /// MyInvocation.BoundParameters, which keeps a value bound from an earlier row's column that this row lacks.
    /// </summary>
    private (string Field, object? Value)[] FieldValues() =>
    [
        (TicketField.GradableId, GradableId),
        (TicketField.TicketId, TicketId),
        (TicketField.Type, Type),
        (TicketField.Subject, Subject),
        (TicketField.Agent, Agent),
        (TicketField.Link, Link),
        (TicketField.Body, Body),
        (TicketField.Tag, Tag),
        (TicketField.Status, Status),
        (TicketField.CsatScore, CsatScore),
        (TicketField.FirstSeen, FirstSeen),
        (TicketField.LastSeen, LastSeen),
        (TicketField.Attributes, Attributes),
    ];
}
