namespace MaestroQA.MockServer;

/// <summary>All tickets, in memory and in creation order; each change is atomic. Errors name the id as the API edition does.</summary>
internal sealed class TicketStore(ConfigStore config)
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
                throw ApiException.Conflict($"A ticket with {IdName} '{ticket.GradableId}' already exists");
            }

            var stored = ticket with { MaestroId = $"64a1f0c2{++_lastId:x16}" };
            _tickets.Add(stored.GradableId, stored);
            return stored;
        }
    }

    public Ticket Get(string gradableId)
    {
        lock (_gate)
        {
            return Find(gradableId);
        }
    }

    /// <summary>The known ones among the ids, in the order asked, each once.</summary>
    public IReadOnlyList<Ticket> Known(IEnumerable<string> gradableIds)
    {
        lock (_gate)
        {
            return [.. gradableIds.Distinct(StringComparer.Ordinal).Select(_tickets.GetValueOrDefault).OfType<Ticket>()];
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

    private string IdName => TicketEdition.Of(config.Current.Api).IdName;

    private Ticket Find(string gradableId) =>
        _tickets.GetValueOrDefault(gradableId) ?? throw ApiException.NotFound($"Ticket with {IdName} '{gradableId}' not found");
}
