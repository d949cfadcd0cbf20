namespace Eas.Actors.Devices;

/// <summary>
/// A write-only stream in front of another that passes on at most <c>cap</c> bytes and only counts the rest. An
/// IMAP part copied into it is always read to its end, so an item over the cap becomes that item's status
/// (ItemOperations DataTooLarge) without abandoning a literal half-read, which would break the IMAP session.
/// </summary>
public sealed class CappedSinkStream(Stream inner, long cap) : Stream
{
    /// <summary>Every byte written, the discarded ones included.</summary>
    public long Written { get; private set; }

    /// <summary>Whether more than the cap was written: the inner stream holds only a prefix.</summary>
    public bool Overflowed => Written > cap;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var kept = Kept(buffer.Length);
        Written += buffer.Length;
        if (kept > 0) inner.Write(buffer[..kept]);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var kept = Kept(buffer.Length);
        Written += buffer.Length;
        return kept > 0 ? inner.WriteAsync(buffer[..kept], cancellationToken) : ValueTask.CompletedTask;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>How many of the next <paramref name="count"/> bytes still fit under the cap.</summary>
    private int Kept(int count) => (int)Math.Clamp(cap - Written, 0, count);
}
