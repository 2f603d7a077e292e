using System;
using System.Collections.Generic;
using System.IO;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Follows the records of CSV text exactly as Sylvan parses them, without making values. A quote opens a quoted cell
/// only as the cell's first character (<c>="2024-01-02"</c> written bare is a plain cell); inside one, <c>""</c> is a
/// quote and any other quote closes it; outside quotes CR LF, LF and CR each end a record; a record that starts with
/// <see cref="CommentMarker"/> is none (Sylvan skips it as a comment line).
/// It edits the text in place as it goes, for Sylvan: a cell or row longer than its limit is cut (a quoted cell closed
/// where it is cut) and the rest of its record left out, which <see cref="Overflows"/> tells; and a lone CR ending a
/// record becomes LF, which Sylvan's vectorized path would read as part of a cell (its other path, and RFC 4180, end
/// the record there).
/// </summary>
internal sealed class CsvRecordScanner
{
    public const char Delimiter = ',';
    public const char Quote = '"';

    /// <summary>Sylvan always has a comment character; NUL, which no text line starts with, keeps it out of the way.</summary>
    public const char CommentMarker = '\0';

    private const char CarriageReturn = '\r';
    private const char LineFeed = '\n';

    private readonly int _maxCellLength;
    private readonly int _maxRowLength;

    private State _state = State.RecordStart;
    private long _position; // in the text, of the next character to scan
    private long _record;
    private long _recordStart;
    private long _fieldStart;
    private long _rowLimit; // the first position past the row's limit
    private bool _recordHasValue; // a delimiter or a character of a value: not a blank line
    private bool _dropping; // the rest of the record is left out
    private CsvOverflow? _cut;
    private bool _cutCellOpen; // the cell cut has not ended yet: its length is not known

    public CsvRecordScanner(int maxCellLength, int maxRowLength)
    {
        _maxCellLength = maxCellLength;
        _maxRowLength = maxRowLength;
        _rowLimit = maxRowLength;
    }

    private enum State : byte
    {
        RecordStart,
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        AfterCarriageReturn,
        Comment,
    }

    /// <summary>Records after the first (the header) that are not blank lines: a table's rows. Complete once <see cref="EndText"/> is called.</summary>
    public long DataRows { get; private set; }

    /// <summary>What was cut, in record order. An overflow's length is known once its record has been scanned to its end.</summary>
    public Queue<CsvOverflow> Overflows { get; } = new();

    /// <summary>
    /// Scans <c>buffer[start..end)</c>, the text's next characters, and leaves in <c>buffer[start..returned)</c> the text
    /// Sylvan is to read (never longer). <paramref name="rest"/> is the text after them, to peek at when a CR ends the block.
    /// </summary>
    public int Scan(char[] buffer, int start, int end, TextReader rest)
    {
        long origin = _position - start; // the position of buffer[0]
        int read = start;
        int write = start; // while dropping; otherwise what is read is kept where it is
        while (read < end)
        {
            char c = buffer[read];
            switch (_state)
            {
                case State.RecordStart when c == CommentMarker:
                    _state = State.Comment;
                    read++;
                    break;
                case State.RecordStart:
                case State.FieldStart:
                    _fieldStart = origin + read;
                    if (c == Quote)
                    {
                        _state = State.Quoted;
                        read++;
                    }
                    else
                    {
                        _state = State.Unquoted;
                    }

                    break;
                case State.Unquoted when c is CarriageReturn or LineFeed:
                case State.Comment when c is CarriageReturn or LineFeed:
                    EndLine(buffer, ref read, ref write, ref end, ref origin, rest);
                    break;
                case State.Unquoted:
                    // Cells and delimiters up to the next quote or line end; a quote here is text (the cell did not start with one).
                    int cells = read;
                    read = c == Quote ? read + 1 : IndexOfLineEndOr(buffer, read, end, Quote);
                    ScanCells(buffer, cells, read, origin, ref write);
                    if (buffer[read - 1] == Delimiter)
                    {
                        // A cell starts here: most often a quoted one, read on straight away.
                        _fieldStart = origin + read;
                        _state = State.FieldStart;
                        if (read < end && buffer[read] == Quote)
                        {
                            _state = State.Quoted;
                            read++;
                        }
                    }
                    else if (read == end || buffer[read] == Quote)
                    {
                        // The cell goes on past them: where it starts is needed to measure it.
                        MarkFieldStart(buffer, cells, read, origin);
                    }

                    break;
                case State.Quoted:
                    ScanQuoted(buffer, ref read, end, origin, ref write);
                    break;
                case State.QuoteInQuoted:
                    if (c == Quote)
                    {
                        _recordHasValue = true;
                        read++;
                        _state = State.Quoted;
                    }
                    else
                    {
                        _state = State.Unquoted; // closed: what follows is read as after any cell
                    }

                    break;
                case State.AfterCarriageReturn:
                    // The LF of a CR LF that the block before ended in.
                    Keep(buffer, read, LineFeed, ref write);
                    read++;
                    StartRecord(buffer, ref read, ref write, ref end, ref origin);
                    break;
                case State.Comment:
                    // Sylvan skips the line whole; the part of it past the row limit need not reach it.
                    int lineEnd = IndexOfLineEndOr(buffer, read, end, CarriageReturn);
                    if (!_dropping && origin + lineEnd > _rowLimit)
                    {
                        write = (int)Math.Max(read, _rowLimit - origin);
                        _dropping = true;
                    }

                    read = lineEnd;
                    break;
            }
        }

        _position = origin + end;
        return _dropping ? write : end;
    }

    /// <summary>Ends the last record, which need not end with a line break, once the text has ended.</summary>
    public void EndText()
    {
        if (_state is State.RecordStart or State.AfterCarriageReturn)
        {
            return;
        }

        if (_state == State.Quoted && _cut is not null)
        {
            _cut.Unclosed = true;
        }

        if (_state != State.Comment)
        {
            EndRecord(_position);
        }

        _state = State.RecordStart;
    }

    // The first CR, LF or stop character at or after from; end when there is none.
    private static int IndexOfLineEndOr(char[] buffer, int from, int end, char stop)
    {
        int found = buffer.AsSpan(from, end - from).IndexOfAny(stop, CarriageReturn, LineFeed);
        return found < 0 ? end : from + found;
    }

    // Most quotes in a quoted cell come within a few characters (a formula's "=""): looked for one by one first.
    private static int IndexOfQuote(char[] buffer, int from, int end)
    {
        int near = Math.Min(end, from + 8);
        for (int i = from; i < near; i++)
        {
            if (buffer[i] == Quote)
            {
                return i;
            }
        }

        int found = near == end ? -1 : buffer.AsSpan(near, end - near).IndexOf(Quote);
        return found < 0 ? end : near + found;
    }

    private static int LastDelimiter(char[] buffer, int from, int end)
    {
        int found = buffer.AsSpan(from, end - from).LastIndexOf(Delimiter);
        return found < 0 ? -1 : from + found;
    }

    // buffer[from..to) holds cells' text and delimiters, no line end and no quote but perhaps one as text at from. Where
    // the cell at from starts is known; cells that start later start later, so those limits come later too: the rest
    // is looked at cell by cell only when the first cell's could be passed.
    private void ScanCells(char[] buffer, int from, int to, long origin, ref int write)
    {
        _recordHasValue = true;
        while (!_dropping)
        {
            long keepable = Math.Min(_rowLimit, _fieldStart + _maxCellLength); // the first position that may not be
            if (origin + to <= keepable)
            {
                return;
            }

            int stop = (int)Math.Max(from, keepable - origin);
            bool rowLimited = origin + stop >= _rowLimit;
            int delimiter = LastDelimiter(buffer, from, stop);
            if (delimiter >= 0)
            {
                _fieldStart = origin + delimiter + 1;
            }

            if (!rowLimited && (delimiter >= 0 || buffer[stop] == Delimiter))
            {
                // A cell ended before the limit, or right at it: the next one has a limit of its own.
                from = delimiter >= 0 ? delimiter + 1 : stop + 1;
                _fieldStart = origin + from;
                continue;
            }

            write = stop;
            StartDrop(cell: buffer[stop] != Delimiter && origin + stop >= _fieldStart + _maxCellLength);
            from = stop;
        }

        // Dropped: only where the cut cell ends still matters.
        if (_cutCellOpen && buffer.AsSpan(from, to - from).IndexOf(Delimiter) is int cellEnd and >= 0)
        {
            _cut!.Length = origin + from + cellEnd - _fieldStart;
            _cutCellOpen = false;
        }
    }

    private void MarkFieldStart(char[] buffer, int from, int to, long origin)
    {
        int delimiter = LastDelimiter(buffer, from, to);
        if (delimiter >= 0)
        {
            _fieldStart = origin + delimiter + 1;
        }
    }

    // Inside quotes: "" is a quote and any other quote closes the cell. A cut closes it where it falls.
    private void ScanQuoted(char[] buffer, ref int read, int end, long origin, ref int write)
    {
        while (read < end)
        {
            int quote = IndexOfQuote(buffer, read, end);
            if (!_dropping)
            {
                long keepable = Math.Min(_rowLimit, _fieldStart + _maxCellLength);
                if (origin + (quote < end ? quote : end - 1) >= keepable)
                {
                    int stop = (int)Math.Max(read, keepable - origin);
                    bool cell = origin + stop >= _fieldStart + _maxCellLength;
                    if (stop < quote)
                    {
                        buffer[stop] = Quote; // in place of a character of the text
                        write = stop + 1;
                        StartDrop(cell);
                        _recordHasValue = true;
                        read = stop + 1;
                        continue;
                    }

                    write = quote + 1; // the quote, kept, closes what Sylvan reads
                    StartDrop(cell);
                }
            }

            _recordHasValue |= quote > read;
            if (quote == end)
            {
                read = end;
                return;
            }

            if (quote + 1 == end)
            {
                read = end;
                _state = State.QuoteInQuoted; // the next block tells
                return;
            }

            if (buffer[quote + 1] != Quote)
            {
                read = quote + 1;
                _state = State.Unquoted; // closed
                return;
            }

            _recordHasValue = true;
            read = quote + 2;
        }
    }

    // A line end at read: CR LF stays, a lone CR or LF is LF.
    private void EndLine(char[] buffer, ref int read, ref int write, ref int end, ref long origin, TextReader rest)
    {
        if (_state != State.Comment)
        {
            EndRecord(origin + read);
        }

        bool crlf = buffer[read] == CarriageReturn && (read + 1 < end ? buffer[read + 1] : rest.Peek()) == LineFeed;
        Keep(buffer, read, crlf ? CarriageReturn : LineFeed, ref write);
        read++;
        if (crlf && read == end)
        {
            _state = State.AfterCarriageReturn;
            return;
        }

        if (crlf)
        {
            Keep(buffer, read, LineFeed, ref write);
            read++;
        }

        StartRecord(buffer, ref read, ref write, ref end, ref origin);
    }

    private void Keep(char[] buffer, int read, char c, ref int write)
    {
        if (_dropping)
        {
            buffer[write++] = c;
        }
        else
        {
            buffer[read] = c;
        }
    }

    private void StartDrop(bool cell)
    {
        _dropping = true;
        _cut = new CsvOverflow(_record, cell);
        _cutCellOpen = cell;
        Overflows.Enqueue(_cut);
    }

    private void EndRecord(long end)
    {
        if (_cutCellOpen)
        {
            _cut!.Length = end - _fieldStart;
            _cutCellOpen = false;
        }
        else if (_cut is { IsCell: false })
        {
            _cut.Length = end - _recordStart;
        }

        if (_record > 0 && _recordHasValue)
        {
            DataRows++;
        }

        _record++;
    }

    // After a record's line end at read. What a record left out, the rest of the block moves up over.
    private void StartRecord(char[] buffer, ref int read, ref int write, ref int end, ref long origin)
    {
        if (_dropping)
        {
            Array.Copy(buffer, read, buffer, write, end - read);
            int removed = read - write;
            origin += removed;
            end -= removed;
            read = write;
        }

        _state = State.RecordStart;
        _recordHasValue = false;
        _dropping = false;
        _cut = null;
        _cutCellOpen = false;
        _recordStart = origin + read;
        _rowLimit = _recordStart + _maxRowLength;
    }
}
