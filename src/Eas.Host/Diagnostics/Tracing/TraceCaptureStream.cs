namespace Eas.Host.Diagnostics.Tracing;

/// <summary>
/// Stands in for a traced request's response body: passes every write on to the real body and keeps a copy
/// of the first <see cref="MaxCapturedBytes"/>, so the trace can decode what the phone was sent. Beyond that
/// it only counts.
/// </summary>
internal sealed class TraceCaptureStream(Stream inner) : Stream
{
    /// <summary>The largest response the trace decodes; larger ones are logged by length only.</summary>
    public const int MaxCapturedBytes = 16 * 1024 * 1024;

    private readonly MemoryStream _captured = new();

    /// <summary>Bytes written to the response.</summary>
    public long Written { get; private set; }

    /// <summary>The copy of the response, or null when it was larger than <see cref="MaxCapturedBytes"/>.</summary>
    public ReadOnlyMemory<byte>? Captured => Written <= MaxCapturedBytes ? _captured.GetBuffer().AsMemory(0, (int)_captured.Length) : null;

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
        Keep(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        Written += bytes.Length;
        if (Written <= MaxCapturedBytes) _captured.Write(bytes);
    }
}
