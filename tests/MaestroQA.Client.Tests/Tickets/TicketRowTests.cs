using System.Collections;
using System.Globalization;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tickets;

namespace MaestroQA.Client.Tests.Tickets;

/// <summary>A ticket row's fields, read into the ticket to send or every reason it cannot be: no server, no PowerShell.</summary>
public sealed class TicketRowTests
{
    private static Dictionary<string, object?> Complete() => new()
    {
        [TicketField.GradableId] = " T1 ",
        [TicketField.Type] = "email",
        [TicketField.Subject] = "Refund",
        [TicketField.Agent] = "a1",
        [TicketField.Link] = "https://help.example.com/T1",
        [TicketField.Body] = "  two\nlines  ",
    };

    private static TicketRow Read(Dictionary<string, object?> fields, TicketRowPurpose purpose = TicketRowPurpose.Create, bool namesTicketsByTicketId = false) =>
        TicketRow.Read(fields, purpose, namesTicketsByTicketId);

    [Fact]
    public void ACompleteRow_IsATicket_IdTrimmed_BodyAsWritten()
    {
        TicketRow row = Read(Complete());

        Assert.Empty(row.Problems);
        Assert.Equal("T1", row.Id);
        MqaTicket ticket = Assert.IsType<MqaTicket>(row.Ticket);
        Assert.Equal("T1", ticket.GradableId);
        Assert.Equal(new[] { "a1" }, ticket.Agents);
        Assert.Equal("  two\nlines  ", ticket.Body);
        Assert.Null(ticket.Tags);
        Assert.Null(ticket.CsatScore);
        Assert.Null(ticket.Attributes);
    }

    [Fact]
    public void ACreate_NamesEveryMissingField_AtOnce_AndSendsNothing()
    {
        TicketRow row = Read(new Dictionary<string, object?> { [TicketField.Subject] = "only this", [TicketField.Agent] = "  " });

        Assert.Null(row.Ticket);
        Assert.Equal("(no gradable_id)", row.Id);
        Assert.Equal(
            new[]
            {
                "GradableId (gradable_id) is required", "Type (type) is required", "Link (link) is required", "Body (body) is required",
                "Agent (agents) needs at least one agent id",
            },
            row.Problems);
        Assert.StartsWith("Ticket '(no gradable_id)' was not sent: GradableId (gradable_id) is required; Type", row.Describe(TicketRowPurpose.Create), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUpdate_NeedsOnlyTheId_AndCarriesOnlyWhatIsGiven()
    {
        TicketRow row = Read(new Dictionary<string, object?> { ["gradableid"] = "T1", ["STATUS"] = "closed" }, TicketRowPurpose.Update);

        Assert.Empty(row.Problems);
        Assert.Equal("closed", row.Ticket!.Status);
        Assert.Null(row.Ticket.Type);
        Assert.Null(row.Ticket.Agents);
        Assert.Null(row.Ticket.Link);
        Assert.Equal(
            "Ticket '(no gradable_id)' was not updated: GradableId (gradable_id) is required.",
            Read(new Dictionary<string, object?>(), TicketRowPurpose.Update).Describe(TicketRowPurpose.Update));
    }

    [Fact]
    public void TicketId_NamesTheTicket_AndMakesTheLinkOptional()
    {
        Dictionary<string, object?> fields = Complete();
        fields.Remove(TicketField.GradableId);
        fields.Remove(TicketField.Link);
        fields[TicketField.TicketId] = "T9";

        TicketRow row = Read(fields);

        Assert.Empty(row.Problems);
        Assert.Equal("T9", row.Ticket!.GradableId);
    }

    [Fact]
    public void TheLink_IsOptional_WhereTheServerNamesTicketsByTicketId_AndRequiredWhereNot()
    {
        Dictionary<string, object?> fields = Complete();
        fields.Remove(TicketField.Link);

        Assert.Empty(Read(fields, namesTicketsByTicketId: true).Problems);
        Assert.Equal(new[] { "Link (link) is required" }, Read(fields).Problems);
    }

    [Theory]
    [InlineData("T1", true)]
    [InlineData("T2", false)]
    public void GradableIdAndTicketId_MayBothBeGiven_OnlyForOneTicket(string ticketId, bool accepted)
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.TicketId] = ticketId;

        TicketRow row = Read(fields);

        Assert.Equal(accepted, row.Ticket is not null);
        if (!accepted)
        {
            Assert.Equal(new[] { "GradableId (gradable_id) 'T1' and TicketId (ticket_id) 'T2' name different tickets; give one of them" }, row.Problems);
        }
    }

    [Theory]
    [InlineData("ftp://files.example.com/T1")]
    [InlineData("help.example.com/T1")]
    [InlineData("javascript:alert(1)")]
    public void ALink_IsAnAbsoluteHttpUrl(string link)
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.Link] = link;

        Assert.Equal(new[] { $"Link (link) '{link}' is not an absolute http(s) URL" }, Read(fields).Problems);
    }

    [Theory]
    [InlineData("a1,a2", new[] { "a1", "a2" })]
    [InlineData(" a1 ; a2 ;", new[] { "a1", "a2" })]
    [InlineData("[\"a1\",\"a2, still one\"]", new[] { "a1", "a2, still one" })]
    public void Agents_AreSplitOnCommasAndSemicolons_ButAJsonArrayIsReadAsOne(string cell, string[] agents)
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.Agent] = cell;
        fields[TicketField.Tag] = cell;

        MqaTicket ticket = Read(fields).Ticket!;

        Assert.Equal(agents, ticket.Agents);
        Assert.Equal(agents, ticket.Tags);
    }

    [Fact]
    public void AListGivenAsAList_IsTakenItemByItem()
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.Agent] = new ArrayList { "a1", 42, "a3,a4" };

        Assert.Equal(new[] { "a1", "42", "a3", "a4" }, Read(fields).Ticket!.Agents);
    }

    [Theory]
    [InlineData("[\"a1\",")]
    [InlineData("[1,2]")]
    public void TextThatStartsLikeAJsonArrayButIsNotOneOfTexts_IsRefused(string cell)
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.Tag] = cell;

        Assert.Equal(new[] { $"Tag (tags) '{cell}' starts like a JSON array but is not one of texts" }, Read(fields).Problems);
    }

    [Theory]
    [InlineData("4.5", 4.5)]
    [InlineData(" 3 ", 3.0)]
    [InlineData(5, 5.0)]
    [InlineData("", null)]
    public void CsatScore_IsReadInTheInvariantCulture_WhateverTheCurrentOne(object cell, double? expected)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Dictionary<string, object?> fields = Complete();
            fields[TicketField.CsatScore] = cell;

            Assert.Equal(expected, Read(fields).Ticket!.CsatScore);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("4,5", "CsatScore (csat_score) '4,5' is not a number")]
    [InlineData("1e400", "CsatScore (csat_score) '1e400' is not a finite number")]
    [InlineData("NaN", "CsatScore (csat_score) 'NaN' is not a finite number")]
    public void CsatScore_IsAFiniteNumber(string cell, string problem)
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.CsatScore] = cell;

        Assert.Equal(new[] { problem }, Read(fields).Problems);
    }

    [Fact]
    public void Dates_WithAZone_AreUtc()
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.FirstSeen] = "2024-01-31T08:00:00+05:30";
        fields[TicketField.LastSeen] = new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.FromHours(-5));

        MqaTicket ticket = Read(fields).Ticket!;

        Assert.Equal(new DateTime(2024, 1, 31, 2, 30, 0, DateTimeKind.Utc), ticket.FirstSeen);
        Assert.Equal(DateTimeKind.Utc, ticket.FirstSeen!.Value.Kind);
        Assert.Equal(new DateTime(2024, 2, 1, 14, 0, 0, DateTimeKind.Utc), ticket.LastSeen);
    }

    [Theory]
    [InlineData("02.01.2024")]
    [InlineData("1/2/2024 08:00")]
    [InlineData("31-01-24")]
    public void ADateWithTheDayOrMonthFirst_IsRefused_NeverGuessed(string cell)
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.FirstSeen] = cell;

        string problem = Assert.Single(Read(fields).Problems);
        Assert.StartsWith($"FirstSeen (first_seen) '{cell}' does not say which is the day and which the month", problem, StringComparison.Ordinal);
        Assert.EndsWith("write the year first, as 2024-01-31 or 2024-01-31T08:00:00Z", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatIsNoDate_IsRefused()
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.LastSeen] = "yesterday";

        Assert.Equal(new[] { "LastSeen (last_seen) 'yesterday' is not a date" }, Read(fields).Problems);
    }

    [Fact]
    public void Attributes_FromAHashtable_KeepTheirKinds_NestedAndListed()
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.Attributes] = new Hashtable
        {
            ["plan"] = "gold", ["seats"] = 12, ["ratio"] = 0.75m, ["vip"] = true, ["churn"] = null,
            ["regions"] = new object[] { "emea", 2 }, ["owner"] = new Hashtable { ["name"] = "Ana" },
        };

        TicketAttributes attributes = Read(fields).Ticket!.Attributes!;

        Assert.Equal("gold", attributes["plan"]);
        Assert.Equal(12L, attributes["seats"]);
        Assert.Equal(0.75, attributes["ratio"]);
        Assert.Equal(true, attributes["vip"]);
        Assert.Null(attributes["churn"]);
        Assert.Equal(new object[] { "emea", 2L }, (object?[])attributes["regions"]!);
        Assert.Equal("Ana", Assert.IsType<TicketAttributes>(attributes["owner"])["name"]);
    }

    [Fact]
    public void Attributes_FromTheJsonTextOfAnExportedCell()
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.Attributes] = "{\"plan\":\"gold\",\"seats\":12}";

        TicketAttributes attributes = Read(fields).Ticket!.Attributes!;

        Assert.Equal(new[] { "plan", "seats" }, attributes.Keys.OrderBy(key => key, StringComparer.Ordinal));
        Assert.Equal("gold", attributes["plan"]);
    }

    [Theory]
    [InlineData("[1,2]", "Attributes (attributes) '[1,2]' is not a JSON object")]
    [InlineData("{\"plan\":", "Attributes (attributes) '{\"plan\":' is not a JSON object")]
    public void AttributesText_IsAJsonObject(string cell, string problem)
    {
        Dictionary<string, object?> fields = Complete();
        fields[TicketField.Attributes] = cell;

        Assert.Equal(new[] { problem }, Read(fields).Problems);
    }

    [Fact]
    public void Attributes_ThatJsonCannotCarry_OrNestTooDeep_AreRefused()
    {
        var deep = new Hashtable();
        Hashtable level = deep;
        for (int i = 0; i < 40; i++)
        {
            var next = new Hashtable();
            level["next"] = next;
            level = next;
        }

        Dictionary<string, object?> infinite = Complete();
        infinite[TicketField.Attributes] = new Hashtable { ["ratio"] = double.PositiveInfinity };
        Dictionary<string, object?> nested = Complete();
        nested[TicketField.Attributes] = deep;
        Dictionary<string, object?> wrongKind = Complete();
        wrongKind[TicketField.Attributes] = 42;

        Assert.Equal(new[] { "Attributes (attributes) holds Infinity, which JSON cannot carry" }, Read(infinite).Problems);
        Assert.Equal(new[] { "Attributes (attributes) nests more than 32 levels deep" }, Read(nested).Problems);
        Assert.Equal(new[] { "Attributes (attributes) must be a hashtable, an object or JSON object text; got Int32" }, Read(wrongKind).Problems);
    }
}
