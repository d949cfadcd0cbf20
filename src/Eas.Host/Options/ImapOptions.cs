using Eas.Actors.Mailboxes.Imap;

namespace Eas.Host.Options;

/// <summary>The provider's IMAP server, which every sign-in is verified against.</summary>
public sealed class ImapOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 143;

    /// <summary>None, StartTls or Tls (implicit TLS, usually port 993).</summary>
    public ImapSecurity Security { get; set; } = ImapSecurity.None;

    /// <summary>Accept any server certificate. Only for a development server with a self-signed certificate; refused unless Host is a loopback address.</summary>
    public bool AcceptAnyCertificate { get; set; }

    /// <summary>Seconds to wait for the IMAP server before answering the phone with a retriable 503.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Seconds an account's IMAP command session stays open without a command before it is closed (logged out);
    /// the next command reopens it. An account whose phones only wait in Ping then holds no command session.
    /// </summary>
    public int CommandSessionIdleSeconds { get; set; } = (int)Eas.Actors.Mailboxes.MailboxActorSettings.DefaultCommandSessionIdle.TotalSeconds;
}
