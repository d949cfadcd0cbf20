namespace Eas.Mail.LocalDovecot;

/// <summary>How to run a private <see cref="DovecotInstance"/>.</summary>
public sealed record DovecotOptions
{
    /// <summary>
    /// Directory for all of the instance's files (created if missing; reused if it holds an earlier instance's
    /// users, certificate and mail). Absolute, at most <see cref="DovecotLayout.MaxDataDirectoryLength"/>
    /// characters, no spaces. When running as root, every directory above it must be searchable by
    /// <see cref="MailUser"/> (as under /tmp).
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>Plain/STARTTLS port on 127.0.0.1; a free one is picked when null.</summary>
    public int? ImapPort { get; init; }

    /// <summary>Implicit-TLS port on 127.0.0.1; a free one is picked when null.</summary>
    public int? ImapsPort { get; init; }

    /// <summary>
    /// Adds an LMTP listener (RFC 2033) on a free port of 127.0.0.1 (<see cref="DovecotInstance.LmtpPort"/>), through
    /// which a local MTA such as a <see cref="LocalPostfix.PostfixInstance"/> delivers into the users' INBOXes. Needs
    /// Dovecot's LMTP server (<c>apt-get install dovecot-lmtpd</c>). Off by default.
    /// </summary>
    public bool EnableLmtp { get; init; }

    /// <summary>
    /// Adds a listener of Dovecot's authentication service on a free port of 127.0.0.1
    /// (<see cref="DovecotInstance.AuthPort"/>), through which an MTA checks SMTP AUTH credentials against the same
    /// users as IMAP (Postfix's <c>smtpd_sasl_type = dovecot</c>). Anyone who can connect to it can test passwords,
    /// hence loopback only. Off by default.
    /// </summary>
    public bool EnableAuthListener { get; init; }

    /// <summary>
    /// Adds a master passdb, so that a master user added with <see cref="DovecotInstance.AddMasterUser"/> can
    /// log in as any user with <c>user*master</c> and the master's password.
    /// </summary>
    public bool EnableMasterUsers { get; init; }

    /// <summary>
    /// When running as root, the unprivileged account Dovecot's mail processes run as and that owns the maildirs
    /// (Dovecot refuses root for mail access); ignored otherwise.
    /// </summary>
    public string MailUser { get; init; } = "nobody";

    /// <summary>
    /// How many IMAP sessions from 127.0.0.1 must be able to stay open at once (all users together; any one user
    /// may hold all of them). Null keeps Dovecot's defaults, which stop at about 100 sessions
    /// (<c>default_process_limit</c>) and 10 per user and address (<c>mail_max_userip_connections</c>); a server
    /// with one watcher and one command session per account needs about twice its accounts. The file descriptor
    /// limit (<c>ulimit -n</c>) Dovecot inherits must exceed this value.
    /// </summary>
    public int? MaxConnections { get; init; }

    /// <summary>
    /// Replaces the capabilities Dovecot announces after login (its <c>imap_capability</c> setting), to act like an
    /// IMAP server without some extension (NOTIFY, say); null keeps Dovecot's own list. Atoms separated by spaces.
    /// </summary>
    public string? ImapCapability { get; init; }

    /// <summary>
    /// Turns on IMAP METADATA (RFC 5464; Dovecot's <c>imap_metadata</c>, annotations kept in a file dict in each
    /// user's home), as the IMAP-folder PIM store uses to mark contact folders the way Kolab does. Off by default.
    /// </summary>
    public bool EnableMetadata { get; init; }

    /// <summary>
    /// Adds Pigeonhole: Sieve filtering on LMTP delivery and a ManageSieve listener (RFC 5804) on a free port of
    /// 127.0.0.1 (<see cref="DovecotInstance.ManageSievePort"/>). Needs <c>apt-get install dovecot-sieve
    /// dovecot-managesieved</c>. Vacation replies are sent through <see cref="SieveSubmissionHost"/>. Off by default.
    /// </summary>
    public bool EnableSieve { get; init; }

    /// <summary>
    /// Turns on Dovecot's push_notification plugin posting every mail transaction's changes to eas-server's webhook
    /// (<c>Eas:Push:Mode = webhook</c>); null (the default) leaves it off.
    /// </summary>
    public DovecotPushWebhook? PushWebhook { get; init; }

    /// <summary>
    /// The SMTP server (<c>host:port</c>, plain SMTP) through which Sieve's vacation replies and redirects leave
    /// (Dovecot's <c>submission_host</c>), such as a <see cref="LocalPostfix.PostfixInstance"/>'s submission port;
    /// null leaves Dovecot's default (the sendmail binary).
    /// </summary>
    public string? SieveSubmissionHost { get; init; }

    public string ExecutablePath { get; init; } = "/usr/sbin/dovecot";

    /// <summary>How long to wait for the first greeting.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long Dovecot may take to stop after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
