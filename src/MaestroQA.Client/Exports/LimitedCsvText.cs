using System;
using System.IO;
using System.Text;

namespace MaestroQA.Client.Exports;

/// <summary>
/// The text of a CSV as Sylvan is to read it: every cell and row cut to the limits before Sylvan sees it, since Sylvan
/// cannot go on once a record has outgrown its buffer. What was cut is told by <see cref="TakeOverflow"/>, per record.
/// The text is scanned where Sylvan asks it to be put, and as much of it as Sylvan has room for.
/// </summary>
internal sealed class LimitedCsvText : TextReader
{
    private const int BufferSize = 0x10000;

    private readonly TextReader _text;
    private readonly char[] _one = new char[1];
    private bool _ended;

    public LimitedCsvText(TextReader text, int maxCellLength = ExportCsvLimits.MaxCellLength, int maxRowLength = ExportCsvLimits.MaxRowLength)
    {
        _text = text;
        Scanner = new CsvRecordScanner(maxCellLength, maxRowLength);
    }

    public CsvRecordScanner Scanner { get; }

    /// <summary>An export CSV's text: UTF-8, with or without a byte order mark. The stream is left open.</summary>
    public static LimitedCsvText Open(Stream csv, int maxCellLength = ExportCsvLimits.MaxCellLength, int maxRowLength = ExportCsvLimits.MaxRowLength) =>
        new(new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true), maxCellLength, maxRowLength);

    /// <summary>What was cut in <paramref name="record"/> (0 is the header), once the reader has read that record; else null.</summary>
    public CsvOverflow? TakeOverflow(long record)
    {
        if (Scanner.Overflows.Count == 0 || Scanner.Overflows.Peek().Record > record)
        {
            return null;
        }

        CsvOverflow overflow = Scanner.Overflows.Dequeue();
        return overflow.Record == record
            ? overflow
            : throw new InvalidOperationException($"The CSV scanner cut record {overflow.Record}, which the reader never read (it is at {record}).");
    }

    /// <summary>Reads the text to its end, for what <see cref="Scanner"/> counts.</summary>
    public void ScanToEnd()
    {
        var buffer = new char[BufferSize];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    public override int Read(char[] buffer, int index, int count)
    {
        int filled = index;
        while (filled < index + count && !_ended)
        {
            int read = _text.Read(buffer, filled, index + count - filled);
            if (read == 0)
            {
                _ended = true;
                Scanner.EndText();
            }
            else
            {
                filled = Scanner.Scan(buffer, filled, filled + read, _text);
            }
        }

        return filled - index;
    }

    public override int Read() => Read(_one, 0, 1) == 1 ? _one[0] : -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text.Dispose();
        }

        base.Dispose(disposing);
    }
}
