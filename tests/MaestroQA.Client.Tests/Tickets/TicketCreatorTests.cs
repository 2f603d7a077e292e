using MaestroQA.Client.Api;
using MaestroQA.Client.Tickets;
using MaestroQA.Client.Models;
using MaestroQA.Client.Tests.Support;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Tests.Tickets;

/// <summary>The -IfExists outcomes and the read-back after a retried create, against the local server.</summary>
public sealed class TicketCreatorTests : IClassFixture<LocalServer>
{
    private readonly LocalServer _server;

    public TicketCreatorTests(LocalServer server)
    {
        _server = server;
        _server.Reset();
    }

    [Theory]
    [InlineData(TicketConflictAction.Error)]
    [InlineData(TicketConflictAction.Skip)]
    [InlineData(TicketConflictAction.Update)]
    public async Task ANewTicketIsCreated_WhateverIfExistsSays(TicketConflictAction ifExists)
    {
        TicketOutcome outcome = await Creator(ifExists).CreateAsync(Ticket("t-new"));

        Assert.Equal(TicketOutcomeKind.Created, outcome.Kind);
        Assert.NotNull(outcome.Ticket.Id);
        Assert.Equal("t-new", Assert.Single(_server.Tickets())!["gradable_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATakenId_IsAConflictError_ByDefault()
    {
        _server.SeedTicket(new { gradable_id = "t-1", type = "chat", subject = "Theirs", agents = new[] { "a9" }, link = "https://x.example/1", body = "b" });

        TicketOutcome outcome = await Creator(TicketConflictAction.Error).CreateAsync(Ticket("t-1"));

        Assert.Equal(TicketOutcomeKind.Failed, outcome.Kind);
        var conflict = Assert.IsType<MaestroQAApiException>(outcome.Error);
        Assert.Equal(ApiErrorKind.Conflict, conflict.Kind);
        Assert.Equal(1, conflict.Attempts);
        Assert.Equal("Theirs", Assert.Single(_server.Tickets())!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATakenId_IsSkipped_WithSkip_AndLeftAsItWas()
    {
        _server.SeedTicket(new { gradable_id = "t-1", type = "chat", subject = "Theirs", agents = new[] { "a9" }, link = "https://x.example/1", body = "b" });

        TicketOutcome outcome = await Creator(TicketConflictAction.Skip).CreateAsync(Ticket("t-1"));

        Assert.Equal(TicketOutcomeKind.Skipped, outcome.Kind);
        Assert.Equal("t-1", outcome.Ticket.GradableId);
        Assert.Equal("Theirs", Assert.Single(_server.Tickets())!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATakenId_IsUpdated_WithUpdate()
    {
        _server.SeedTicket(new { gradable_id = "t-1", type = "chat", subject = "Theirs", agents = new[] { "a9" }, link = "https://x.example/1", body = "b" });

        TicketOutcome outcome = await Creator(TicketConflictAction.Update).CreateAsync(Ticket("t-1"));

        Assert.Equal(TicketOutcomeKind.Updated, outcome.Kind);
        Assert.Equal("Ours", outcome.Ticket.Subject);
        Assert.Equal("Ours", Assert.Single(_server.Tickets())!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALostAnswer_IsReadBack_AndCountsAsCreatedOnce()
    {
        // Every POST creates the ticket and drops the connection: the retry meets a 409 on our own ticket.
        _server.Configure(new { faults = new { faultAfterCommitRate = 1.0, routes = new[] { "tickets" } } });

        TicketOutcome outcome = await Creator(TicketConflictAction.Error).CreateAsync(Ticket("t-lost"));

        Assert.Equal(TicketOutcomeKind.Created, outcome.Kind);
        Assert.NotNull(outcome.Ticket.Id);
        Assert.Single(_server.Tickets());
    }

    [Fact]
    public async Task ALostAnswer_WhoseReadBackIsLongerThanTheCap_CountsAsCreatedOnce_NotAsAConflict()
    {
        // The ticket's echo, read back after the lost answer, is too long to keep whole, so it cannot be compared.
        _server.Configure(new { faults = new { faultAfterCommitRate = 1.0, routes = new[] { "tickets" } } });
        MaestroQAClient client = new(new ApiTransport(_server.Options("mqa-test-token-0002") with { MaxResponseBytes = 100_000 }));

        TicketOutcome outcome = await new TicketCreator(client, TicketConflictAction.Error).CreateAsync(Ticket("t-long") with { Body = new string('B', 300_000) });

        Assert.Equal(TicketOutcomeKind.Created, outcome.Kind);
        Assert.Single(_server.Tickets());
    }

    [Fact]
    public void SameFields_ComparesWhatWasSent_DatesToTheSecond()
    {
        MqaTicket sent = Ticket("t-1") with { FirstSeen = new DateTime(2024, 1, 2, 3, 4, 5, 600, DateTimeKind.Utc), Tags = new[] { "a", "b" } };
        MqaTicket stored = sent with { Id = "x", FirstSeen = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), Status = "open" };

        Assert.True(TicketCreator.SameFields(sent, stored));
        Assert.False(TicketCreator.SameFields(sent, stored with { Subject = "Other" }));
        Assert.False(TicketCreator.SameFields(sent, stored with { Tags = new[] { "a" } }));
    }

    private TicketCreator Creator(TicketConflictAction ifExists) =>
        new(_server.NewClient("mqa-test-token-0002"), ifExists);

    private static MqaTicket Ticket(string gradableId) => new()
    {
        GradableId = gradableId,
        Type = "chat",
        Subject = "Ours",
        Agents = new[] { "a1" },
        Link = "https://helpdesk.example.com/" + gradableId,
        Body = "Body",
    };
}
