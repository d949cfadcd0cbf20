namespace Eas.Mail.Imap.Protocol;

/// <summary>The three forms of server response (RFC 3501 section 2.2.2, RFC 9051 section 2.2.2).</summary>
public enum ImapResponseKind
{
    /// <summary>Prefixed with <c>*</c>: data, or a status not tied to a command.</summary>
    Untagged,

    /// <summary>Prefixed with the command's tag: the command's completion result.</summary>
    Tagged,

    /// <summary>Prefixed with <c>+</c>: the server is ready for a literal or an authentication response.</summary>
    Continuation,
}
