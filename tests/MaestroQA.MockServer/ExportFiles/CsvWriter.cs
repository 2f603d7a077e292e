namespace MaestroQA.MockServer.ExportFiles;

/// <summary>
/// RFC 4180: comma separated, CRLF between records (or the line ending given), fields with commas, quotes or line
/// breaks quoted.
/// </summary>
internal sealed class CsvWriter(TextWriter writer, string lineEnding = "\r\n")
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuoting = System.Buffers.SearchValues.Create(",\"\r\n");
    private bool _atRecordStart = true;

    public void Field(string value, bool alwaysQuote = false)
    {
        Separate();
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

    /// <summary>A field written exactly as given, never quoted, whatever it holds.</summary>
    public void RawField(string value)
    {
        Separate();
        writer.Write(value);
    }

    public void EndRecord()
    {
        writer.Write(lineEnding);
        _atRecordStart = true;
    }

    private void Separate()
    {
        if (!_atRecordStart)
        {
            writer.Write(',');
        }

        _atRecordStart = false;
    }
}
