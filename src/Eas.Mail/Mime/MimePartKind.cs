namespace Eas.Mail.Mime;

/// <summary>How the reader treated an entity's body.</summary>
public enum MimePartKind
{
    /// <summary>A body with content of its own, handed to <see cref="IMimePartHandler"/> as a stream.</summary>
    Leaf,

    /// <summary>A multipart with a boundary (RFC 2046 section 5.1); its body parts are its children.</summary>
    Multipart,

    /// <summary>
    /// A message/rfc822 part (RFC 2046 section 5.2.1) in an identity transfer encoding; its one child is the
    /// encapsulated message, whose headers are that child's <see cref="MimePart.Headers"/>.
    /// </summary>
    Message,
}
