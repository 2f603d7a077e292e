using System.Text;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>A header and the same row many times over, made as they are read, so a test of a big file never holds it.</summary>
internal sealed class GeneratedCsvStream : Stream
{
    private readonly byte[] _row;
    private readonly int _rowCount;
    private byte[] _pending;
    private int _pendingOffset;
    private int _rowsStarted;

    public GeneratedCsvStream(string header, string row, int rowCount)
    {
        _pending = Encoding.UTF8.GetBytes(header + "\r\n");
        _row = Encoding.UTF8.GetBytes(row + "\r\n");
        _rowCount = rowCount;
        TotalBytes = _pending.Length + ((long)_row.Length * rowCount);
    }

    public long TotalBytes { get; }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pendingOffset == _pending.Length)
        {
            if (_rowsStarted == _rowCount)
            {
                return 0;
            }

            _pending = _row;
            _pendingOffset = 0;
            _rowsStarted++;
        }

        int copied = Math.Min(count, _pending.Length - _pendingOffset);
        Array.Copy(_pending, _pendingOffset, buffer, offset, copied);
        _pendingOffset += copied;
        BytesRead += copied;
        return copied;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
