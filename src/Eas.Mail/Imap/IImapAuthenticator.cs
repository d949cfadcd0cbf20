namespace Eas.Mail.Imap;

/// <summary>Checks a user's credentials against the IMAP server, as the gateway does for Basic auth.</summary>
public interface IImapAuthenticator
{
    /// <summary>
    /// Returns <see cref="ImapAuthOutcome.Succeeded"/> or <see cref="ImapAuthOutcome.Rejected"/>; any other
    /// failure (server down, timeout, TLS or protocol trouble) throws <see cref="ImapStoreUnavailableException"/>,
    /// so that a store outage is never mistaken for wrong credentials.
    /// </summary>
    Task<ImapAuthResult> AuthenticateAsync(string user, string password, CancellationToken cancellationToken);
}
