namespace Eas.Mail.Mime;

/// <summary>What <see cref="MimeReader"/> found: the message header and the tree of body parts.</summary>
public sealed class MimeStructure
{
    internal MimeStructure(MimePart body, long size, int partCount)
    {
        Body = body;
        Size = size;
        PartCount = partCount;
    }

    /// <summary>The message header (RFC 5322 section 2.2), the header block of <see cref="Body"/>.</summary>
    public HeaderList Headers => Body.Headers;

    /// <summary>The top-level body: a multipart (specifier "") or a single part (specifier "1").</summary>
    public MimePart Body { get; }

    /// <summary>The message's size in bytes as read.</summary>
    public long Size { get; }

    /// <summary>How many entities the message has, multiparts and message/rfc822 parts included.</summary>
    public int PartCount { get; }

    /// <summary>Every entity, depth first, in message order.</summary>
    public IEnumerable<MimePart> Parts => Body.DescendantsAndSelf();

    /// <summary>The leaf or message/rfc822 part with IMAP specifier <paramref name="partSpecifier"/>, or null.</summary>
    public MimePart? FindPart(string partSpecifier) =>
        Parts.FirstOrDefault(p => p.PartSpecifier == partSpecifier && p.Kind != MimePartKind.Multipart)
        ?? Parts.FirstOrDefault(p => p.PartSpecifier == partSpecifier);
}
