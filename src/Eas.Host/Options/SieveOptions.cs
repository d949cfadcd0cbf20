using Eas.Mail.Sieve;

namespace Eas.Host.Options;

/// <summary>
/// The ManageSieve server (RFC 5804) that keeps the users' out-of-office rules (Settings Oof), such as Dovecot's
/// Pigeonhole. Users sign in with their IMAP login; certificates follow the IMAP settings.
/// </summary>
public sealed class SieveOptions
{
    /// <summary>Whether Settings Oof goes to the Sieve server; off answers it with Status 3 (access denied).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The server's host; empty means the IMAP host.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = SieveServer.DefaultPort;

    /// <summary>None or StartTls; empty follows the IMAP connection (None stays None, StartTls and Tls become StartTls).</summary>
    public SieveSecurity? Security { get; set; }

    /// <summary>Seconds to wait for the Sieve server before answering the phone with Status 4 (try later).</summary>
    public int TimeoutSeconds { get; set; } = 15;
}
