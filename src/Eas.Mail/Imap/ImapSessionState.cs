namespace Eas.Mail.Imap;

/// <summary>The session states of RFC 3501 section 3 (RFC 9051 section 3) that the client is in.</summary>
public enum ImapSessionState
{
    /// <summary>No connection: not yet connected, logged out, or dropped after a failure.</summary>
    Disconnected,

    /// <summary>Connected and greeted; LOGIN, AUTHENTICATE or STARTTLS are next (RFC 3501 section 3.1).</summary>
    NotAuthenticated,

    /// <summary>Logged in, or pre-authenticated by the greeting (RFC 3501 section 3.2).</summary>
    Authenticated,

    /// <summary>Logged in with a mailbox selected by SELECT or EXAMINE (RFC 3501 section 3.3).</summary>
    Selected,
}
