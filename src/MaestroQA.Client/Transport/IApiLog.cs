namespace MaestroQA.Client.Transport;

/// <summary>Where the client reports what it is doing; the cmdlets forward it to -Verbose and warnings on the pipeline thread.</summary>
public interface IApiLog
{
    void Verbose(string message);

    void Warning(string message);
}

/// <summary>A log that drops everything, for callers that do not listen.</summary>
public sealed class NullApiLog : IApiLog
{
    public static readonly NullApiLog Instance = new();

    private NullApiLog()
    {
    }

    public void Verbose(string message)
    {
    }

    public void Warning(string message)
    {
    }
}
