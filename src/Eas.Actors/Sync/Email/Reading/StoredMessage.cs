using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// One message parsed by MimeKit from the seekable buffer the IMAP session filled, with what MimeKit's tree
/// does not carry: each entity's encoded size and line count (from the parser's end-of-entity events) and its
/// IMAP part specifier (<see cref="ImapPartNumbers"/>). The buffer is parsed, by a parser from
/// <see cref="MimeParserPool"/>, in persistent mode, so part
/// contents stay in the buffer (a temporary file for large messages) as bounded views and are read only when
/// asked for: memory stays flat whatever the attachments weigh. The buffer must stay open while the contents
/// are read.
/// </summary>
public sealed class StoredMessage
{
    private readonly Dictionary<MimeEntity, EntityExtent> _extents;
    private readonly Dictionary<MimeEntity, string> _partNumbers;

    private StoredMessage(MimeMessage message, Dictionary<MimeEntity, EntityExtent> extents, IReadOnlyDictionary<MimeEntity, int> emptyPartsBefore)
    {
        Message = message;
        _extents = extents;
        _partNumbers = ImapPartNumbers.Assign(message, emptyPartsBefore);
    }

    /// <summary>The parsed message.</summary>
    public MimeMessage Message { get; }

    /// <summary>
    /// Parses <paramref name="buffer"/> from position 0. Throws <see cref="FormatException"/> when MimeKit finds
    /// no message header at all (an empty buffer); anything else, however broken, parses.
    /// </summary>
    public static async Task<StoredMessage> LoadAsync(Stream buffer, CancellationToken cancellationToken)
    {
        buffer.Position = 0;
        var extents = new Dictionary<MimeEntity, EntityExtent>(ReferenceEqualityComparer.Instance);
        EventHandler<MimeEntityEndEventArgs> onEnd = (_, e) => extents[e.Entity] = new EntityExtent(Math.Max(0, e.EndOffset - e.HeadersEndOffset), e.Lines, e.BeginOffset);
        var parser = MimeParserPool.Rent(buffer);
        parser.MimeEntityEnd += onEnd;
        MimeMessage message;
        try
        {
            message = IsInMemory(buffer)
                ? parser.ParseMessage(cancellationToken)
                : await parser.ParseMessageAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            parser.MimeEntityEnd -= onEnd;
            MimeParserPool.Return(parser);
        }

        var emptyPartsBefore = buffer.CanSeek
            ? await SkippedEmptyParts.CountAsync(buffer, message, extents, cancellationToken).ConfigureAwait(false)
            : new Dictionary<MimeEntity, int>();
        return new StoredMessage(message, extents, emptyPartsBefore);
    }

    /// <summary>
    /// Whether the buffer is memory, which MimeKit's synchronous parser reads without waiting on anything: its
    /// asynchronous one costs a task per read of the buffer (<see cref="Stream.ReadAsync(byte[], int, int, CancellationToken)"/>)
    /// and a state machine per header and part for reads that never wait. A temporary file is parsed asynchronously.
    /// </summary>
    private static bool IsInMemory(Stream buffer) => buffer is Mailboxes.Imap.PooledMemoryStream or MemoryStream;

    /// <summary>The IMAP part specifier of <paramref name="entity"/> (RFC 3501 section 6.4.5); "" for a top-level multipart.</summary>
    public string PartNumber(MimeEntity entity) => _partNumbers.TryGetValue(entity, out var number) ? number : string.Empty;

    /// <summary>The entity's body as encoded in the message, without its header: size in bytes and lines.</summary>
    public EntityExtent Extent(MimeEntity entity) => _extents.TryGetValue(entity, out var extent) ? extent : default;
}

/// <summary>An entity's encoded body (its size in bytes and its number of lines) and where the entity starts in the message.</summary>
public readonly record struct EntityExtent(long Size, int Lines, long BeginOffset);
