using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Reading;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Reads one message for sync from a seekable buffer the session filled (memory for small messages, a
/// temporary file for large ones, so a 50 MB message never sits in memory), once, keeping only the bodies
/// truncated to what the phone asked for; the MIME work is <see cref="StoredMessageReader"/>'s (MimeKit in
/// persistent mode over the buffer). A message that cannot be taken apart is returned without its body rather
/// than stopping the sync.
/// </summary>
internal static class EmailReader
{
    /// <summary>Messages up to this size are buffered in memory; larger ones in a temporary file.</summary>
    public const long InMemoryLimit = 2 * 1024 * 1024;

    /// <summary>
    /// A buffer for a message of <paramref name="size"/> bytes: pooled memory when small (<see cref="PooledMemoryStream"/>,
    /// given back when the buffer is disposed), else a temporary file that deletes itself.
    /// </summary>
    public static Stream CreateBuffer(long size) =>
        size > InMemoryLimit ? Persistence.TemporaryFile.Create() : new PooledMemoryStream((int)Math.Max(size, 256));

    /// <param name="buffer">The whole message, seekable; read from position 0.</param>
    /// <param name="flags">The message's IMAP flags.</param>
    /// <param name="received">The message's INTERNALDATE.</param>
    /// <param name="content">What of the message the phone asked for.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<EmailItem> ParseAsync(Stream buffer, IReadOnlyList<string> flags, DateTimeOffset received, EmailContentRequest content, CancellationToken cancellationToken) =>
        StoredMessageReader.ReadAsync(buffer, flags, received, content, cancellationToken);
}
