using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>The outcome of checking credentials against the IMAP server.</summary>
public enum ImapAuthOutcome
{
    /// <summary>The server accepted the credentials.</summary>
    Succeeded,

    /// <summary>The server refused the credentials (answer HTTP 401).</summary>
    Rejected,
}

/// <summary>
/// What <see cref="IImapAuthenticator.AuthenticateAsync"/> found. For a rejection, <see cref="ResponseCode"/>
/// and <see cref="Reason"/> are the server's (RFC 5530 codes such as <c>AUTHENTICATIONFAILED</c> or
/// <c>EXPIRED</c>), fit to log; they never contain the password.
/// </summary>
public sealed record ImapAuthResult(ImapAuthOutcome Outcome, ImapResponseCode? ResponseCode, string? Reason)
{
    public static ImapAuthResult Success { get; } = new(ImapAuthOutcome.Succeeded, null, null);

    public bool Succeeded => Outcome == ImapAuthOutcome.Succeeded;

    public static ImapAuthResult Rejected(ImapResponseCode? responseCode, string? reason) =>
        new(ImapAuthOutcome.Rejected, responseCode, reason);
}
