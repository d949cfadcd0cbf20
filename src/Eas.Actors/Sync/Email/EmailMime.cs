using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// The raw MIME message (RFC 5322 bytes as stored, or, for a stored message that is not UTF-8, its 7-bit form: a WBXML
/// string must be UTF-8, see <see cref="Reading.StoredMessageReader"/>), for clients that ask for MIME: airsyncbase:Body
/// of Type 4 (12.0+) or email:MIMEData (2.5). <see cref="Data"/> may hold only the first bytes when the
/// caller read a prefix; <see cref="Size"/> is the whole message's size. The encoder never needs more than
/// the client's truncation size, so a caller with a stream reads just that much with <see cref="ReadAsync"/>.
/// A caller that serves the whole message (an ItemOperations Fetch) keeps it in the buffer it was fetched into
/// instead (<see cref="Source"/>), so a large message streams from its temporary file to the phone.
/// </summary>
/// <param name="Data">The message, or its first bytes.</param>
/// <param name="Size">The whole message's size in bytes.</param>
public sealed record EmailMime(ReadOnlyMemory<byte> Data, long Size)
{
    /// <summary>
    /// The whole message in the buffer the IMAP session fetched it into (memory up to 2 MiB, else a temporary file
    /// that deletes itself), from its first byte; only when the fetch asked for it
    /// (<see cref="Mailboxes.EmailContentRequest.MimePrefixBytes"/>). Whoever holds the item owns it and disposes it,
    /// or hands it to the response, which does.
    /// </summary>
    public BinaryContent? Source { get; init; }

    /// <summary>A message the caller has whole.</summary>
    public static EmailMime Complete(ReadOnlyMemory<byte> data) => new(data, data.Length);

    /// <summary>
    /// Reads up to <paramref name="maxBytes"/> from <paramref name="stream"/>: all of a small message, or the
    /// prefix a truncated body needs. The stream is read from its current position and not disposed.
    /// </summary>
    /// <param name="stream">The message.</param>
    /// <param name="size">The whole message's size in bytes.</param>
    /// <param name="maxBytes">The most bytes to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<EmailMime> ReadAsync(Stream stream, long size, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var buffer = new byte[(int)Math.Min(Math.Min(size, maxBytes), Array.MaxLength)];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            filled += read;
        }

        return new EmailMime(buffer.AsMemory(0, filled), size);
    }
}
