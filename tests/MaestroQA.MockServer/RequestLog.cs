namespace MaestroQA.MockServer;

/// <summary>One API or download request, as GET /admin/requests reports it.</summary>
internal sealed class RequestRecord
{
    private int _completed;

    /// <summary>Which <see cref="RequestLog.Clear"/> generation the request arrived in; a clear drops late finishers.</summary>
    internal long Generation { get; init; }

    /// <summary>Arrival, re-taken at the rate limiter's decision so the record matches the window exactly.</summary>
    public string Time { get; private set; } = "";

    public double ElapsedMs { get; private set; }

    /// <summary>Arrival on the server clock, before any injected delay; ElapsedMs minus this is how late the limiter saw it.</summary>
    public required double ReceivedMs { get; init; }

    /// <summary>The injected delay (latencyMs plus jitter) the request waited before faults and the rate limiter.</summary>
    public int DelayMs { get; set; }

    public required string Method { get; init; }

    public required string Route { get; set; }

    public string? EndpointClass { get; set; }

    public string? TokenTail { get; private set; }

    public string? TokenSource { get; private set; }

    public bool HadApiTokenHeader { get; private set; }

    /// <summary>The status sent, or 0 when the connection was dropped before any response.</summary>
    public int Status { get; private set; }

    public string? Fault { get; set; }

    /// <summary>For a stall: "client" when the client gave up on the silent connection first, "server" when hangMs ran out.</summary>
    public string? EndedBy { get; set; }

    public string? ExportId { get; set; }

    public string? GradableId { get; set; }

    /// <summary>A ranged request's startDate, endDate and timeAxis as its body spelt them (texts only): the windows a client cut.</summary>
    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    public string? TimeAxis { get; set; }

    public required string Query { get; init; }

    /// <summary>The Host header: "localhost" marks a request that followed a redirect fault or an other-host move.</summary>
    public required string Host { get; init; }

    public void Stamp(ServerClock clock, double elapsedMs)
    {
        ElapsedMs = elapsedMs;
        Time = DateFormats.Iso(clock.UtcAt(elapsedMs));
    }

    public void SetCredential(Credential credential)
    {
        TokenTail = credential.Token is { } token ? token[Math.Max(0, token.Length - 4)..] : null;
        TokenSource = credential.Source;
        HadApiTokenHeader = credential.HadApiTokenHeader;
    }

    /// <summary>Set when a fault drops the connection: Kestrel signals RequestAborted later, on the thread pool.</summary>
    internal bool Dropped { get; set; }

    internal bool TryComplete(int status)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1)
        {
            return false;
        }

        Status = status;
        return true;
    }
}

/// <summary>Thread-safe record of every request outside /admin.</summary>
internal sealed class RequestLog(ServerClock clock)
{
    private static readonly object RecordKey = new();
    private readonly Lock _gate = new();
    private readonly List<RequestRecord> _records = [];
    private long _generation;

    public static RequestRecord Of(HttpContext context) =>
        context.Items[RecordKey] as RequestRecord
        ?? throw new InvalidOperationException("Request recording middleware did not run for this request.");

    /// <summary>Drops the request's connection without a response; its record says status 0.</summary>
    public static void Drop(HttpContext context)
    {
        Of(context).Dropped = true;
        context.Abort();
    }

    public IReadOnlyList<RequestRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records.OrderBy(record => record.ElapsedMs)];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
            _generation++;
        }
    }

    /// <summary>
    /// Records from arrival to completion. The record is added when the response starts (before the client can
    /// see it, so a test that reads the log right after a response finds its request), or at the end if it never starts.
    /// </summary>
    public Task Middleware(HttpContext context, RequestDelegate next) =>
        context.Request.Path.StartsWithSegments("/admin") ? next(context) : RecordAsync(context, next);

    /// <summary>Runs the request with its record (see <see cref="Middleware"/>); also for moved-host requests to any path.</summary>
    public async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var receivedMs = clock.ElapsedMs;
        var record = new RequestRecord
        {
            Generation = Interlocked.Read(ref _generation),
            ReceivedMs = receivedMs,
            Method = context.Request.Method,
            Route = context.Request.Path.Value ?? "",
            Query = context.Request.QueryString.Value ?? "",
            Host = context.Request.Host.Host,
        };
        record.Stamp(clock, receivedMs);
        context.Items[RecordKey] = record;
        context.Response.OnStarting(() =>
        {
            Complete(record, context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            Complete(record, record.Dropped || context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode);
        }
    }

    private void Complete(RequestRecord record, int status)
    {
        if (!record.TryComplete(status))
        {
            return;
        }

        lock (_gate)
        {
            if (record.Generation == _generation)
            {
                _records.Add(record);
            }
        }
    }
}
