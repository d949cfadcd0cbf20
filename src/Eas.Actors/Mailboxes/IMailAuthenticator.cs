namespace Eas.Actors.Mailboxes;

/// <summary>What the mail store said about a user's password.</summary>
public enum MailSignInOutcome
{
    /// <summary>The store accepted the credentials.</summary>
    Accepted,

    /// <summary>The store refused the credentials (the edge answers 401).</summary>
    Refused,
}

/// <summary>
/// The verdict of <see cref="IMailAuthenticator.AuthenticateAsync"/>. For a refusal, <see cref="Reason"/> is the
/// server's text (with its RFC 5530 code such as <c>AUTHENTICATIONFAILED</c> where it sent one), fit to log; it
/// never contains the password.
/// </summary>
public sealed record MailSignInResult(MailSignInOutcome Outcome, string? Reason)
{
    public static MailSignInResult Accepted { get; } = new(MailSignInOutcome.Accepted, null);

    public bool Succeeded => Outcome == MailSignInOutcome.Accepted;

    public static MailSignInResult Refused(string? reason) => new(MailSignInOutcome.Refused, reason);
}

/// <summary>Checks a user's credentials against the mail store, as the gateway does for Basic auth (MS-ASHTTP 2.2.1.1.2.2).</summary>
public interface IMailAuthenticator
{
    /// <summary>
    /// Accepted or refused; any other failure (server down, timeout, TLS or protocol trouble) throws
    /// <see cref="MailStoreUnavailableException"/>, so an outage is never mistaken for a wrong password.
    /// </summary>
    Task<MailSignInResult> AuthenticateAsync(string user, string password, CancellationToken cancellationToken);
}
