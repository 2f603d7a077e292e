namespace MaestroQA.MockServer.ExportFiles;

/// <summary>RFC 4180: comma separated, CRLF between records, fields with commas, quotes or line breaks quoted.</summary>
internal sealed class CsvWriter(TextWriter writer)
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuoting = System.Buffers.SearchValues.Create(",\"\r\n");
    private bool _atRecordStart = true;

    public void Field(string value, bool alwaysQuote = false)
    {
        if (!_atRecordStart)
        {
            writer.Write(',');
        }

        _atRecordStart = false;
        if (alwaysQuote || value.AsSpan().ContainsAny(NeedsQuoting))
        {
            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        else
        {
            writer.Write(value);
        }
    }

    public void EndRecord()
    {
        writer.Write("\r\n");
        _atRecordStart = true;
    }
}
