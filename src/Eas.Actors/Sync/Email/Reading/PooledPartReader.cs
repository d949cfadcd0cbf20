using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.Encodings;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// A text part's content decoded while it streams from the message buffer, through rented buffers: the transfer
/// encoding undone (RFC 2045 section 6: base64, quoted-printable, and x-uuencode with the decoders MimeKit's
/// <see cref="MimeContent.Open"/> would use; every other encoding passes through), then the charset. It gives the
/// same characters as a <see cref="StreamReader"/> with byte order mark detection over <see cref="MimeContent.Open"/>,
/// without that reader's per-part char and byte arrays and MimeKit's filtered stream (together about 20 KB a
/// message). It takes only the common case: content whose first decoded byte cannot start a byte order mark or the
/// charset's preamble (which a <see cref="StreamReader"/> also strips; UTF-8's is EF BB BF); <see cref="TryOpenAsync"/> and <see cref="TryOpen"/> return null otherwise,
/// and the caller reads the part with a <see cref="StreamReader"/>, which strips and follows the mark.
/// Dispose returns the buffers.
/// </summary>
internal sealed class PooledPartReader : TextReader
{
    private const int ChunkBytes = 4096;

    /// <summary>Bytes a charset decoder may hold back from one chunk and add to the next (a split character).</summary>
    private const int CarriedBytes = 16;

    private readonly Stream _raw;
    private readonly IMimeDecoder? _transfer;
    private readonly Encoding _encoding;
    private readonly Decoder _charset;
    private byte[]? _rawBuffer;
    private byte[]? _decodedBuffer;
    private char[]? _chars;
    private int _charPosition;
    private int _charLength;
    private int _firstByte = -1;
    private bool _ended;

    private PooledPartReader(IMimeContent content, Encoding encoding)
    {
        _raw = content.Stream ?? throw new ObjectDisposedException(nameof(content));
        _raw.Seek(0, SeekOrigin.Begin);
        _transfer = content.Encoding switch
        {
            ContentEncoding.Base64 => new Base64Decoder(),
            ContentEncoding.QuotedPrintable => new QuotedPrintableDecoder(),
            ContentEncoding.UUEncode => new UUDecoder(),
            _ => null,
        };
        _charset = encoding.GetDecoder();
        _encoding = encoding;
        _rawBuffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        if (_transfer is not null) _decodedBuffer = ArrayPool<byte>.Shared.Rent(_transfer.EstimateOutputLength(ChunkBytes));
        _chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount((_decodedBuffer?.Length ?? ChunkBytes) + CarriedBytes));
    }

    /// <summary>The reader, positioned at the start of the text, or null when the part needs a <see cref="StreamReader"/>.</summary>
    public static async ValueTask<TextReader?> TryOpenAsync(IMimeContent content, Encoding encoding, CancellationToken cancellationToken)
    {
        if (!PreambleIsAMark(encoding)) return null;
        var reader = new PooledPartReader(content, encoding);
        try
        {
            await reader.FillAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        return reader.Accept();
    }

    /// <summary>The blocking form of <see cref="TryOpenAsync"/>, for readers that consume a <see cref="TextReader"/> synchronously.</summary>
    public static TextReader? TryOpen(IMimeContent content, Encoding encoding)
    {
        if (!PreambleIsAMark(encoding)) return null;
        var reader = new PooledPartReader(content, encoding);
        try
        {
            reader.Fill();
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        return reader.Accept();
    }

    public override int Peek() => _charPosition < _charLength || Fill() ? _chars![_charPosition] : -1;

    public override int Read() => _charPosition < _charLength || Fill() ? _chars![_charPosition++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (_charPosition >= _charLength && !Fill())) return 0;
        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || (_charPosition >= _charLength && !await FillAsync(cancellationToken).ConfigureAwait(false))) return 0;
        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_rawBuffer is not null) ArrayPool<byte>.Shared.Return(_rawBuffer);
            if (_decodedBuffer is not null) ArrayPool<byte>.Shared.Return(_decodedBuffer);
            if (_chars is not null) ArrayPool<char>.Shared.Return(_chars);
            (_rawBuffer, _decodedBuffer, _chars) = (null, null, null);
            _charPosition = _charLength = 0;
            _ended = true;
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// This reader when the text may be read by it; else disposes it and returns null. The bytes a
    /// <see cref="StreamReader"/> looks at for a byte order mark (UTF-8 EF BB BF, UTF-16 FE FF and FF FE, UTF-32
    /// 00 00 FE FF) all start with one of the four checked here, and so does the preamble of every charset taken
    /// (<see cref="PreambleIsAMark"/>).
    /// </summary>
    private static bool PreambleIsAMark(Encoding encoding) => encoding.Preamble is { Length: 0 } or [0x00 or 0xEF or 0xFE or 0xFF, ..];

    private PooledPartReader? Accept()
    {
        if (_firstByte is not (0x00 or 0xEF or 0xFE or 0xFF)) return this;
        Dispose();
        return null;
    }

    private int Take(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _charLength - _charPosition);
        _chars.AsSpan(_charPosition, count).CopyTo(buffer);
        _charPosition += count;
        return count;
    }

    /// <summary>Decodes the next chunk; false at the end of the text.</summary>
    private bool Fill()
    {
        while (!_ended)
        {
            if (Decode(_raw.Read(_rawBuffer!, 0, ChunkBytes))) return true;
        }

        return false;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        while (!_ended)
        {
            if (Decode(await _raw.ReadAsync(_rawBuffer.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false))) return true;
        }

        return false;
    }

    private void Grow(int decodedBytes)
    {
        ArrayPool<byte>.Shared.Return(_decodedBuffer!);
        _decodedBuffer = ArrayPool<byte>.Shared.Rent(decodedBytes);
        ArrayPool<char>.Shared.Return(_chars!);
        _chars = ArrayPool<char>.Shared.Rent(_encoding.GetMaxCharCount(decodedBytes + CarriedBytes));
    }

    /// <summary>Turns <paramref name="read"/> raw bytes (0 at the end) into chars; true when there are some to take.</summary>
    private bool Decode(int read)
    {
        _charPosition = 0;
        if (read == 0)
        {
            _ended = true;
            _charLength = _charset.GetChars([], _chars, flush: true);
            return _charLength > 0;
        }

        // A transfer decoder that held bytes back (a quoted-printable "=" at the chunk's end) may need more room.
        if (_transfer is not null && _transfer.EstimateOutputLength(read) > _decodedBuffer!.Length) Grow(_transfer.EstimateOutputLength(read));
        var (bytes, length) = _transfer is null ? (_rawBuffer!, read) : (_decodedBuffer!, _transfer.Decode(_rawBuffer!, 0, read, _decodedBuffer!));
        if (length > 0 && _firstByte < 0) _firstByte = bytes[0];
        _charLength = _charset.GetChars(bytes, 0, length, _chars!, 0, flush: false);
        return _charLength > 0;
    }
}
