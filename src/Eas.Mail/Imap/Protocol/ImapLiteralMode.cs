namespace Eas.Mail.Imap.Protocol;

/// <summary>How the client may send literals, decided by the server's capabilities.</summary>
public enum ImapLiteralMode
{
    /// <summary>
    /// <c>{n}</c>: after the announcement the client waits for a <c>+</c> continuation before sending the
    /// octets (RFC 3501 section 4.3, section 7.5).
    /// </summary>
    Synchronizing,

    /// <summary><c>{n+}</c> for any size, without waiting: the server offers LITERAL+ (RFC 7888 section 3).</summary>
    NonSynchronizing,

    /// <summary>
    /// <c>{n+}</c> up to 4096 octets, synchronizing above: the server offers LITERAL- (RFC 7888 section 4).
    /// </summary>
    NonSynchronizingUpTo4096,
}
