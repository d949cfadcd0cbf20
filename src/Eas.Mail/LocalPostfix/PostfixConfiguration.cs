using System.Globalization;
using System.Text;

namespace Eas.Mail.LocalPostfix;

/// <summary>
/// Renders the private main.cf and master.cf. Nothing is read from /etc/postfix; the only network listeners
/// are the two submission services, both bound to 127.0.0.1; mail is accepted only for the virtual mailboxes
/// (everything else is refused at RCPT time) and delivered only to Dovecot over LMTP; local delivery and
/// delivery to other hosts do not exist.
/// </summary>
internal sealed record PostfixConfiguration(
    PostfixLayout Layout, string MailOwner, int SubmissionPort, int SubmissionsPort, int LmtpPort, int AuthPort, long MessageSizeLimit)
{
    /// <summary>The daemons of a Postfix 3.7 that only receives and relays to LMTP, all unchrooted (master(5)).</summary>
    private static readonly string[] InternalServices =
    [
        "pickup    unix  n       -       n       60      1       pickup",
        "cleanup   unix  n       -       n       -       0       cleanup",
        "qmgr      unix  n       -       n       300     1       qmgr",
        "tlsmgr    unix  -       -       n       1000?   1       tlsmgr",
        "rewrite   unix  -       -       n       -       -       trivial-rewrite",
        "bounce    unix  -       -       n       -       0       bounce",
        "defer     unix  -       -       n       -       0       bounce",
        "trace     unix  -       -       n       -       0       bounce",
        "verify    unix  -       -       n       -       1       verify",
        "flush     unix  n       -       n       1000?   0       flush",
        "proxymap  unix  -       -       n       -       -       proxymap",
        "proxywrite unix -       -       n       -       1       proxymap",
        "showq     unix  n       -       n       -       -       showq",
        "error     unix  -       -       n       -       -       error",
        "retry     unix  -       -       n       -       -       error",
        "discard   unix  -       -       n       -       -       discard",
        "lmtp      unix  -       -       n       -       -       lmtp",
        "anvil     unix  -       -       n       -       1       anvil",
        "scache    unix  -       -       n       -       1       scache",
        // maillog_file needs the postlogd service (Postfix 3.4+, MAILLOG_README).
        "postlog   unix-dgram n  -       n       -       1       postlogd",
    ];

    public string RenderMain(IReadOnlyList<string> domains)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');

        Line("# Written by Eas.Mail.LocalPostfix.PostfixInstance for development and tests; rewritten at each start.");
        Line("compatibility_level = 3.6");
        Line($"queue_directory = {Layout.QueueDirectory}");
        Line($"data_directory = {Layout.StateDirectory}");
        Line($"mail_owner = {MailOwner}");
        Line($"myhostname = {PostfixInstance.HostName}");
        Line("mydestination =");
        Line("inet_interfaces = 127.0.0.1");
        Line("inet_protocols = ipv4");
        Line("mynetworks = 127.0.0.1/32");
        Line($"maillog_file = {Layout.LogPath}");
        Line($"maillog_file_prefixes = {Layout.DataDirectory}");
        Line("notify_classes =");
        Line("biff = no");

        // No local delivery and no delivery to other hosts: mail for anything but a virtual mailbox is refused
        // at RCPT time (smtpd rejects recipients that resolve to the error transport).
        Line("alias_maps =");
        Line("alias_database =");
        Line("local_recipient_maps =");
        Line("local_transport = error:5.1.1 local delivery is disabled");
        Line("default_transport = error:5.7.1 this Postfix delivers to its own mailboxes only");
        Line("relay_transport = error:5.7.1 this Postfix delivers to its own mailboxes only");
        Line($"virtual_mailbox_domains = {string.Join(", ", domains)}");
        Line($"virtual_mailbox_maps = texthash:{Layout.MailboxesPath}");
        Line($"virtual_alias_maps = texthash:{Layout.AliasesPath}");
        Line($"virtual_transport = lmtp:inet:127.0.0.1:{Invariant(LmtpPort)}");

        Line("smtputf8_enable = yes");
        Line($"message_size_limit = {MessageSizeLimit.ToString(CultureInfo.InvariantCulture)}");
        Line("mailbox_size_limit = 0");
        Line("virtual_mailbox_limit = 0");

        // Unknown addresses in the mailbox domains get 550 5.1.1; other domains 554 5.7.1 Relay access denied
        // unless the client authenticated.
        Line("smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination");
        Line("smtpd_recipient_restrictions = reject_unlisted_recipient");
        Line("smtpd_sasl_type = dovecot");
        Line($"smtpd_sasl_path = inet:127.0.0.1:{Invariant(AuthPort)}");
        Line("smtpd_tls_security_level = may");
        Line($"smtpd_tls_chain_files = {Layout.KeyPath}, {Layout.CertificatePath}");
        Line("disable_vrfy_command = yes");

        // A test instance answers at once: no sleeping after client errors, no flow-control delay, and mail that
        // Dovecot deferred is retried within seconds instead of minutes.
        Line("smtpd_error_sleep_time = 0s");
        Line("in_flow_delay = 0s");
        Line("queue_run_delay = 1s");
        Line("minimal_backoff_time = 1s");
        Line("maximal_backoff_time = 10s");
        return text.ToString();
    }

    /// <summary>
    /// Submission (RFC 6409) with STARTTLS offered, and submissions (implicit TLS, RFC 8314), both on
    /// 127.0.0.1 only and both with SASL authentication.
    /// </summary>
    public string RenderMaster()
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');

        Line("# Written by Eas.Mail.LocalPostfix.PostfixInstance; rewritten at each start.");
        Line($"127.0.0.1:{Invariant(SubmissionPort)} inet n - n - - smtpd");
        Line("  -o syslog_name=postfix/submission");
        Line("  -o smtpd_sasl_auth_enable=yes");
        Line($"127.0.0.1:{Invariant(SubmissionsPort)} inet n - n - - smtpd");
        Line("  -o syslog_name=postfix/submissions");
        Line("  -o smtpd_tls_wrappermode=yes");
        Line("  -o smtpd_sasl_auth_enable=yes");
        foreach (var service in InternalServices) Line(service);
        return text.ToString();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
