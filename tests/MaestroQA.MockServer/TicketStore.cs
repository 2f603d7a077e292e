namespace MaestroQA.MockServer;

/// <summary>All tickets, in memory and in creation order; each change is atomic.</summary>
internal sealed class TicketStore
{
    private readonly Lock _gate = new();
    private readonly OrderedDictionary<string, Ticket> _tickets = new(StringComparer.Ordinal);

    // Never reset, so a Maestro id is unique for the process's life.
    private long _lastId;

    public IReadOnlyList<Ticket> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _tickets.Values];
            }
        }
    }

    /// <summary>Stores a new ticket under a fresh Maestro id, shaped like the 24-hex-digit ids MaestroQA's database hands out.</summary>
    public Ticket Add(Ticket ticket)
    {
        lock (_gate)
        {
            if (_tickets.ContainsKey(ticket.GradableId))
            {
                throw ApiException.Conflict($"A ticket with gradable_id '{ticket.GradableId}' already exists");
            }

            var stored = ticket with { MaestroId = $"64a1f0c2{++_lastId:x16}" };
            _tickets.Add(stored.GradableId, stored);
            return stored;
        }
    }

    public Ticket Update(string gradableId, Func<Ticket, Ticket> change)
    {
        lock (_gate)
        {
            return _tickets[gradableId] = change(Find(gradableId));
        }
    }

    public void Delete(string gradableId, Action<Ticket> check)
    {
        lock (_gate)
        {
            check(Find(gradableId));
            _tickets.Remove(gradableId);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _tickets.Clear();
        }
    }

    private Ticket Find(string gradableId) =>
        _tickets.GetValueOrDefault(gradableId) ?? throw ApiException.NotFound($"Ticket with gradable_id '{gradableId}' not found");
}
