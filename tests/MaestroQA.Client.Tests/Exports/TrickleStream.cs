namespace MaestroQA.Client.Tests.Exports;

/// <summary>Bytes handed out one at a time, as a slow network might: every buffer boundary falls everywhere once.</summary>
internal sealed class TrickleStream : MemoryStream
{
    public TrickleStream(byte[] bytes)
        : base(bytes, writable: false)
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);
}
