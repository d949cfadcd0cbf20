using Eas.Mail.LocalDovecot;

namespace Eas.Mail.LocalPostfix;

/// <summary>How to run a private <see cref="PostfixInstance"/>.</summary>
public sealed record PostfixOptions
{
    /// <summary>
    /// Directory for all of the instance's files (created if missing; reused, with its queue, if it holds an
    /// earlier instance's). Absolute, ASCII, at most <see cref="PostfixLayout.MaxDataDirectoryLength"/> characters,
    /// nothing main.cf would read as syntax (spaces, '$', ','...). Every directory above it must be searchable by
    /// <see cref="MailOwner"/> (as under /tmp).
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>Dovecot's LMTP port on 127.0.0.1 (<see cref="DovecotInstance.LmtpPort"/>), where all mail is delivered.</summary>
    public required int DovecotLmtpPort { get; init; }

    /// <summary>Dovecot's auth-client port on 127.0.0.1 (<see cref="DovecotInstance.AuthPort"/>), which checks SMTP AUTH.</summary>
    public required int DovecotAuthPort { get; init; }

    /// <summary>Submission port (RFC 6409; STARTTLS offered) on 127.0.0.1; a free one is picked when null.</summary>
    public int? SubmissionPort { get; init; }

    /// <summary>Implicit-TLS submission port (RFC 8314) on 127.0.0.1; a free one is picked when null.</summary>
    public int? SubmissionsPort { get; init; }

    /// <summary>
    /// The largest message accepted, in octets (Postfix's <c>message_size_limit</c>, advertised with EHLO as
    /// <c>SIZE</c>, RFC 1870); Postfix's default of 10,240,000 unless set; at least 1024.
    /// </summary>
    public long MessageSizeLimit { get; init; } = 10_240_000;

    /// <summary>
    /// The addresses that accept mail at start, each with the Dovecot user it is delivered to (a user without a
    /// domain such as <c>alice</c>, or one named by a whole address); more can be added while running with
    /// <see cref="PostfixInstance.AddMailboxAsync"/>. Their domains are the domains Postfix delivers for.
    /// </summary>
    public IReadOnlyDictionary<string, string> Mailboxes { get; init; } = new Dictionary<string, string>();

    /// <summary>The unprivileged account Postfix's daemons run as (<c>mail_owner</c>); Debian's package creates it.</summary>
    public string MailOwner { get; init; } = "postfix";

    /// <summary>The postfix command; postconf is expected next to it.</summary>
    public string ExecutablePath { get; init; } = "/usr/sbin/postfix";

    /// <summary>How long to wait for the submission port's greeting after <c>postfix start</c>.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long <c>postfix stop</c> may take before the master's process tree is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Options for a Postfix in front of <paramref name="dovecot"/>, which must have been started with
    /// <see cref="DovecotOptions.EnableLmtp"/> and <see cref="DovecotOptions.EnableAuthListener"/>.
    /// </summary>
    public static PostfixOptions For(DovecotInstance dovecot, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dovecot);
        return new PostfixOptions
        {
            DataDirectory = dataDirectory,
            DovecotLmtpPort = dovecot.LmtpPort
                ?? throw new ArgumentException("The Dovecot instance has no LMTP listener (DovecotOptions.EnableLmtp).", nameof(dovecot)),
            DovecotAuthPort = dovecot.AuthPort
                ?? throw new ArgumentException("The Dovecot instance has no auth listener (DovecotOptions.EnableAuthListener).", nameof(dovecot)),
        };
    }
}
