using Eas.Actors.Sync.Email;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Mime;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Reads one message for sync: streams it from IMAP (BODY.PEEK[]) into a buffer — memory for small
/// messages, a temporary file that deletes itself for large ones, so a 50 MB message never sits in memory —
/// and reads it once with the MIME reader, keeping only the bodies truncated to what the phone asked for.
/// A message the MIME reader cannot take apart is returned without its body rather than stopping the sync.
/// </summary>
internal static class EmailReader
{
    private const long InMemoryLimit = 2 * 1024 * 1024;

    public static async Task<EmailItem?> ReadAsync(ImapClient client, FetchedMessage summary, EmailContentRequest content, CancellationToken cancellationToken)
    {
        var size = (long)(summary.Size ?? 0);
        var received = summary.InternalDate ?? DateTimeOffset.UnixEpoch;
        var flags = summary.Flags ?? [];
        await using var buffer = size > InMemoryLimit
            ? Persistence.TemporaryFile.Create()
            : (Stream)new MemoryStream((int)Math.Max(size, 256));
        var section = await client.FetchSectionAsync(summary.Uid, string.Empty, null, useBinary: false, buffer, cancellationToken);
        if (section is null) return null;

        EmailMime? mime = null;
        if (content.WantMime)
        {
            buffer.Position = 0;
            mime = await EmailMime.ReadAsync(buffer, buffer.Length, content.MaxBodyBytes ?? buffer.Length, cancellationToken);
        }

        buffer.Position = 0;
        try
        {
            var options = new MessageBodyOptions { PlainTextLimit = content.MaxBodyBytes, HtmlLimit = content.MaxBodyBytes };
            var message = await MessageBodies.ExtractAsync(buffer, options, cancellationToken);
            return EmailItemMapper.From(message, flags, received, mime);
        }
        catch (MimeFormatException)
        {
            return EmailItemMapper.Unreadable(flags, received) with { Mime = mime };
        }
    }
}
