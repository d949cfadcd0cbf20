using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Fetch;

/// <summary>
/// A node of a message's BODYSTRUCTURE (RFC 3501 section 7.4.2, grammar <c>body</c> in section 9): a
/// <see cref="ImapMultipart"/>, a <see cref="ImapBasicPart"/> (text, image, application...), or an
/// <see cref="ImapMessagePart"/> (an attached message/rfc822). Media type, subtype and parameter names are
/// compared case-insensitively; parameter values are as the server sent them (RFC 2231 continuations and
/// RFC 2047 words are left for the MIME layer).
/// </summary>
public abstract record ImapBodyPart
{
    /// <summary>
    /// The part's section number for <c>BODY[...]</c> (RFC 3501 section 6.4.5): <c>1</c> for a single-part
    /// message, <c>2.1</c> for the first part of the second part. A multipart that is a message's body has no
    /// number of its own and carries its message's (<c>""</c> for the top level, so <c>BODY[]</c>, or
    /// <c>3</c> for the body of message part 3); its children are numbered below it.
    /// </summary>
    public required string PartSpecifier { get; init; }

    /// <summary>The media type, e.g. <c>text</c> or <c>multipart</c>, as the server wrote it.</summary>
    public required string MediaType { get; init; }

    /// <summary>The subtype, e.g. <c>plain</c> or <c>mixed</c>.</summary>
    public required string MediaSubtype { get; init; }

    /// <summary>Content-Type parameters (for a multipart, <c>boundary</c> among them); case-insensitive names.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = ImapBodyStructureParser.NoParameters;

    /// <summary>Content-Disposition, from the extension data; <see langword="null"/> when absent or not sent.</summary>
    public ImapContentDisposition? Disposition { get; init; }

    /// <summary>Content-Language tags (RFC 3282), from the extension data; empty when absent.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Content-Location (RFC 2557), from the extension data.</summary>
    public string? Location { get; init; }

    /// <summary>Extension data beyond the location, kept raw for extensions this client does not know.</summary>
    public IReadOnlyList<ImapValue> Extensions { get; init; } = [];

    /// <summary><c>type/subtype</c> in lower case, e.g. <c>text/plain</c>.</summary>
    public string ContentType => $"{MediaType}/{MediaSubtype}".ToLowerInvariant();

    /// <summary>Whether this part's type and subtype are the ones given (case-insensitive).</summary>
    public bool Is(string mediaType, string mediaSubtype) =>
        MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)
        && MediaSubtype.Equals(mediaSubtype, StringComparison.OrdinalIgnoreCase);

    /// <summary>This part and all parts below it, depth first, including the body of attached messages.</summary>
    public IEnumerable<ImapBodyPart> EnumerateParts()
    {
        var pending = new Stack<ImapBodyPart>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            yield return part;
            IEnumerable<ImapBodyPart> children = part switch
            {
                ImapMultipart multipart => multipart.Parts,
                ImapMessagePart message => [message.Body],
                _ => [],
            };
            foreach (var child in children.Reverse()) pending.Push(child);
        }
    }
}

/// <summary>A multipart body (RFC 2046 section 5.1) and its parts in order.</summary>
public sealed record ImapMultipart : ImapBodyPart
{
    public required IReadOnlyList<ImapBodyPart> Parts { get; init; }
}

/// <summary>
/// A non-multipart body: its <c>body-fields</c> (RFC 3501 section 9) and, for text, its line count. The size
/// is of the content as transferred, still in its <see cref="Encoding"/>.
/// </summary>
public record ImapBasicPart : ImapBodyPart
{
    /// <summary>Content-ID, with its angle brackets (used by <c>cid:</c> links of inline images).</summary>
    public string? Id { get; init; }

    /// <summary>Content-Description.</summary>
    public string? Description { get; init; }

    /// <summary>Content-Transfer-Encoding, e.g. <c>7BIT</c>, <c>BASE64</c>, <c>QUOTED-PRINTABLE</c>.</summary>
    public required string Encoding { get; init; }

    /// <summary>Size of the encoded content in octets.</summary>
    public required ulong Size { get; init; }

    /// <summary>Lines of the encoded content, given for text and message/rfc822 parts only.</summary>
    public ulong? Lines { get; init; }

    /// <summary>Content-MD5 (RFC 1864), from the extension data.</summary>
    public string? Md5 { get; init; }

    /// <summary>Whether the disposition says <c>attachment</c>.</summary>
    public bool IsAttachment => Disposition?.Type.Equals("attachment", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The attachment's name: the disposition's <c>filename</c>, else the type's <c>name</c> parameter.</summary>
    public string? FileName =>
        Disposition?.Parameters.GetValueOrDefault("filename") ?? Parameters.GetValueOrDefault("name");
}

/// <summary>
/// An attached message (<c>message/rfc822</c>, or <c>message/global</c> of RFC 6532): besides its body
/// fields it carries the attached message's envelope and structure, numbered below this part.
/// </summary>
public sealed record ImapMessagePart : ImapBasicPart
{
    public required ImapEnvelope Envelope { get; init; }

    public required ImapBodyPart Body { get; init; }
}

/// <summary>A Content-Disposition (RFC 2183): <c>inline</c> or <c>attachment</c> and its parameters.</summary>
public sealed record ImapContentDisposition(string Type, IReadOnlyDictionary<string, string> Parameters);
