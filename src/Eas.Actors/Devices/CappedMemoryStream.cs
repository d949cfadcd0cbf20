namespace Eas.Actors.Devices;

/// <summary>A memory stream that refuses to grow past a cap, so one huge attachment cannot take the server's memory.</summary>
internal sealed class CappedMemoryStream(long cap) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Length + count > cap) throw new FullException();
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Length + buffer.Length > cap) throw new FullException();
        base.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>The content would pass the cap.</summary>
    public sealed class FullException : InvalidOperationException
    {
        public FullException() : base("The content is larger than the server sends inline.")
        {
        }
    }
}
