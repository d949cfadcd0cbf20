namespace Eas.Mail.Imap.Protocol;

/// <summary>The condition of a status response (RFC 3501 section 7.1, RFC 9051 section 7.1).</summary>
public enum ImapResponseStatus
{
    /// <summary>Not a status response (untagged data or a continuation).</summary>
    None,

    /// <summary>OK: success, or (untagged) information.</summary>
    Ok,

    /// <summary>NO: the command failed; the session continues.</summary>
    No,

    /// <summary>BAD: the server did not understand the command (a client error); the session continues.</summary>
    Bad,

    /// <summary>PREAUTH: a greeting saying the connection is already authenticated.</summary>
    PreAuth,

    /// <summary>BYE: the server is about to close the connection.</summary>
    Bye,
}
