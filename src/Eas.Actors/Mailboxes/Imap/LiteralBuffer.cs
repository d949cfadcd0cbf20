namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// The stream <see cref="SpoolingImapFolder"/> gives MailKit for one fetched literal: the buffer
/// <see cref="EmailReader.CreateBuffer"/> picked for its size (memory, or a temporary file past
/// <see cref="EmailReader.InMemoryLimit"/>), behind a thin shell. MailKit disposes the streams it hands to a GetStreams
/// callback as the callback returns; the callback that gives the buffer to an item that keeps it
/// (<see cref="EmailContentRequest.MimePrefixBytes"/>) calls <see cref="Release"/> first, and disposing the shell then
/// leaves the buffer alone.
/// </summary>
internal sealed class LiteralBuffer(Stream buffer) : Stream
{
    private Stream? _buffer = buffer;

    /// <summary>The buffer itself, for a reader that needs no shell in its way.</summary>
    public Stream Buffer => _buffer ?? throw new ObjectDisposedException(nameof(LiteralBuffer));

    public override bool CanRead => _buffer?.CanRead ?? false;

    public override bool CanSeek => _buffer?.CanSeek ?? false;

    public override bool CanWrite => _buffer?.CanWrite ?? false;

    public override long Length => Buffer.Length;

    public override long Position
    {
        get => Buffer.Position;
        set => Buffer.Position = value;
    }

    /// <summary>Hands the buffer to whoever took <see cref="Buffer"/>: from now on it is theirs to dispose, not this shell's.</summary>
    public void Release() => _buffer = null;

    public override int Read(byte[] buffer, int offset, int count) => Buffer.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => Buffer.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Buffer.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Buffer.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => Buffer.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => Buffer.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Buffer.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Buffer.WriteAsync(buffer, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => Buffer.Seek(offset, origin);

    public override void SetLength(long value) => Buffer.SetLength(value);

    public override void Flush() => _buffer?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _buffer?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        if (disposing) Interlocked.Exchange(ref _buffer, null)?.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } held) await held.DisposeAsync();
        await base.DisposeAsync();
    }
}
