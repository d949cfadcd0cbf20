namespace Eas.Mail.Smtp;

/// <summary>What a refused command means for the caller (<see cref="SmtpCommandException.Kind"/>).</summary>
public enum SmtpFailureKind
{
    /// <summary>A 4xx reply (RFC 5321 section 4.2.1): try again later, unchanged.</summary>
    Transient,

    /// <summary>
    /// The server refused recipients with 5xx at RCPT TO (unknown user 550 5.1.1, relaying denied 554 5.7.1,
    /// mailbox full 552 5.2.2...); <see cref="SmtpCommandException.RefusedRecipients"/> lists them.
    /// </summary>
    RecipientRejected,

    /// <summary>
    /// The message is too large: 552 at MAIL FROM or at the end of DATA, enhanced status 5.3.4 or 5.2.3
    /// (RFC 3463), or the client's own check against the server's advertised SIZE (RFC 1870), made before
    /// anything is sent.
    /// </summary>
    MessageTooLarge,

    /// <summary>The credentials were refused: 535 5.7.8, or 534 5.7.9 (mechanism too weak), RFC 4954 section 6.</summary>
    AuthenticationFailed,

    /// <summary>Any other 5xx reply: the same command will fail again.</summary>
    Permanent,
}
