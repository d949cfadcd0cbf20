namespace Eas.Actors.Mailboxes;

/// <summary>
/// The IMAP login of the phone's user, from the request that was just verified. Kept in memory only, by the
/// mailbox actor while its session lives; <see cref="ToString"/> never shows the password.
/// </summary>
public sealed class MailCredentials(string login, string password)
{
    public string Login { get; } = login;

    public string Password { get; } = password;

    public override string ToString() => $"{Login}:***";
}
