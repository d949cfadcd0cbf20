using System.Globalization;
using System.Text;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// Renders the private dovecot.conf. Everything lives under the data directory (base_dir, state_dir, log,
/// certificate, passwd-files, maildirs), nothing is included from /etc/dovecot, and the only sockets bound
/// to the network listen on 127.0.0.1. With <see cref="MaxConnections"/> set, the process and client limits
/// are raised so that that many IMAP sessions from 127.0.0.1 can be open at once (see <see cref="RenderLimits"/>).
/// </summary>
/// <remarks>
/// <see cref="LmtpPort"/> adds the LMTP protocol and its listener; <see cref="AuthPort"/> a listener of the
/// authentication service for an MTA's SMTP AUTH. Both bind 127.0.0.1 only.
/// </remarks>
internal sealed record DovecotConfiguration(
    DovecotLayout Layout, int ImapPort, int ImapsPort, DovecotAccounts Accounts, bool MasterUsers, int? MaxConnections = null,
    int? LmtpPort = null, int? AuthPort = null, string? ImapCapability = null, bool Metadata = false, int? ManageSievePort = null,
    string? SubmissionHost = null, DovecotPushWebhook? PushWebhook = null)
{
    /// <summary>Clients each internal service and login process takes beyond the sessions themselves.</summary>
    private const int InternalHeadroom = 100;

    private static readonly (string Name, string Use)[] SpecialFolders =
        [("Drafts", "\\Drafts"), ("Sent", "\\Sent"), ("Trash", "\\Trash"), ("Junk", "\\Junk")];

    public string Render()
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        var mailUid = Accounts.MailUid.ToString(CultureInfo.InvariantCulture);
        var mailGid = Accounts.MailGid.ToString(CultureInfo.InvariantCulture);

        Line("# Written by Eas.Mail.LocalDovecot.DovecotInstance for development and tests; rewritten at each start.");
        Line($"protocols = imap{(LmtpPort is null ? "" : " lmtp")}{(ManageSievePort is null ? "" : " sieve")}");
        Line("listen = 127.0.0.1");
        Line("instance_name = eas-dev");
        Line($"base_dir = {Layout.BaseDirectory}");
        Line($"state_dir = {Layout.StateDirectory}");
        Line($"log_path = {Layout.LogPath}");
        Line($"default_internal_user = {Accounts.InternalUser}");
        Line($"default_internal_group = {Accounts.InternalGroup}");
        Line($"default_login_user = {Accounts.LoginUser}");
        Line($"mail_uid = {mailUid}");
        Line($"mail_gid = {mailGid}");
        Line($"first_valid_uid = {mailUid}");
        Line($"last_valid_uid = {mailUid}");
        Line($"first_valid_gid = {mailGid}");
        Line($"last_valid_gid = {mailGid}");
        Line("mail_location = maildir:~/Maildir");

        // IDLE and NOTIFY hear of changes through inotify; when the kernel's per-user inotify instances run
        // out, Dovecot falls back to checking every mailbox_idle_check_interval (30 s by default).
        Line("mailbox_idle_check_interval = 1 secs");
        if (ImapCapability is { } capability)
        {
            if (capability.Any(c => c is '\n' or '\r' or '#')) throw new ArgumentException("An IMAP capability list is one line of atoms.", nameof(ImapCapability));
            Line($"imap_capability = {capability}");
        }

        // The special-use folders a provider's Dovecot typically creates for every account (RFC 6154), with
        // "/" as the hierarchy separator as most providers present it.
        Line("namespace inbox {");
        Line("  inbox = yes");
        Line("  separator = /");
        foreach (var (name, use) in SpecialFolders)
            Line($"  mailbox {name} {{\n    auto = subscribe\n    special_use = {use}\n  }}");
        Line("}");

        // Loopback only: plaintext logins are fine, and a failed login answers within Dovecot's 0.5 s check
        // interval rather than after 2 s.
        Line("disable_plaintext_auth = no");
        Line("auth_mechanisms = plain login");
        Line("auth_failure_delay = 0");
        Line("auth_verbose = yes");

        // ssl = yes offers STARTTLS on the plain port. No ssl_dh: Dovecot then skips DHE and uses ECDHE.
        Line("ssl = yes");
        Line($"ssl_cert = <{Layout.CertificatePath}");
        Line($"ssl_key = <{Layout.KeyPath}");
        Line("ssl_min_protocol = TLSv1.2");

        if (MasterUsers)
        {
            Line("auth_master_user_separator = *");
            Line("passdb {");
            Line("  driver = passwd-file");
            Line($"  args = {Layout.MasterUsersDirectory}/%u.passwd");
            Line("  master = yes");
            Line("  pass = yes");
            Line("}");
        }

        Line("passdb {");
        Line("  driver = passwd-file");
        Line($"  args = {Layout.UsersDirectory}/%u.passwd");
        Line("}");
        Line("userdb {");
        Line("  driver = static");
        Line($"  args = home={Layout.MailRoot}/%u");
        Line("}");

        RenderLimits(Line);
        RenderPush(Line);
        RenderMetadata(Line);
        RenderLmtp(Line);
        RenderSieve(Line);
        RenderAuthListener(Line);
        Line("service imap-login {");
        if (!Accounts.CanChroot) Line("  chroot =");
        if (MaxConnections is { } sessions) RenderLoginLimits(Line, sessions);
        Line($"  inet_listener imap {{\n    port = {ImapPort}\n  }}");
        Line($"  inet_listener imaps {{\n    port = {ImapsPort}\n    ssl = yes\n  }}");
        Line("}");
        // Every test and demo client comes from 127.0.0.1, so anvil's per-IP auth penalty (2 s growing to 15 s
        // after each failure) would slow everyone down. Mode 0 keeps its socket from being created; auth then
        // finds no socket and runs without penalties (see DovecotInstance.RemoveStaleSockets).
        Line("service anvil {");
        if (!Accounts.CanChroot) Line("  chroot =");
        Line("  unix_listener anvil-auth-penalty {\n    mode = 0\n  }");
        Line("}");
        return text.ToString();
    }

    /// <summary>
    /// Dovecot's defaults suit a small box: 100 processes per service (<c>default_process_limit</c>), and an
    /// imap process per session, so session 101 waits in imap-login until it times out; 10 sessions per user
    /// and address (<c>mail_max_userip_connections</c>), and with every client on 127.0.0.1 that is per user;
    /// 1000 clients per internal service (<c>default_client_limit</c>), while the log and stats services take
    /// one client from every process. So: one imap process for each session, every session allowed to be the
    /// same user, and internal services that accept every process plus some to spare.
    /// </summary>
    private void RenderLimits(Action<string> line)
    {
        if (MaxConnections is not { } sessions) return;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sessions, nameof(MaxConnections));
        line($"# Sized for {sessions} IMAP sessions at once (DovecotOptions.MaxConnections).");
        line($"default_client_limit = {Invariant(sessions + InternalHeadroom)}");
        line($"mail_max_userip_connections = {Invariant(sessions)}");
        line("service imap {");
        line($"  process_limit = {Invariant(sessions)}");
        line("}");
    }

    /// <summary>
    /// Dovecot's push_notification plugin with the Lua driver (<see cref="DovecotPushWebhook"/>): the URL, secret and
    /// timeout are plugin settings the script reads through <c>user:plugin_getenv</c>, as config/dovecot/91-eas-push.conf
    /// sets them for an operator's Dovecot. Rendered before the protocol sections, whose <c>$mail_plugins</c> extend it.
    /// </summary>
    private void RenderPush(Action<string> line)
    {
        if (PushWebhook is not { } push) return;
        foreach (var value in new[] { push.Url.AbsoluteUri, push.Secret })
        {
            if (value.Length == 0 || value.Any(c => char.IsControl(c) || c is '#' or '"' or ' ' or '{' or '}'))
                throw new InvalidOperationException("A push webhook's URL and secret are one word without '#', quotes, braces or spaces.");
        }

        line("mail_plugins = $mail_plugins mail_lua notify push_notification push_notification_lua");
        line("plugin {");
        line($"  push_notification_driver = lua:file={Layout.PushScriptPath}");
        line($"  eas_push_url = {push.Url.AbsoluteUri}");
        line($"  eas_push_secret = {push.Secret}");
        line($"  eas_push_timeout_msecs = {Invariant((int)push.Timeout.TotalMilliseconds)}");
        line("}");
    }

    /// <summary>IMAP METADATA (RFC 5464): Dovecot keeps the annotations through its attribute dict, here a file in the user's home.</summary>
    private void RenderMetadata(Action<string> line)
    {
        if (!Metadata) return;
        line("mail_attribute_dict = file:%h/dovecot-attributes");
        line("protocol imap {");
        line("  imap_metadata = yes");
        line("}");
    }

    /// <summary>
    /// LMTP delivery (RFC 2033). A recipient is looked up as the user whose login name is the whole address, as
    /// IMAP logins are (<c>%Lu</c>), except in <see cref="DovecotInstance.LmtpBareUserDomain"/>, where the local
    /// part alone names the user (<c>%Ln</c>): an MTA cannot send a recipient without a domain, so that is how it
    /// reaches users named without one, like <c>alice</c>. The lmtp service runs as root and switches to the
    /// mail account of <c>mail_uid</c> for each delivery, like imap does after login.
    /// </summary>
    private void RenderLmtp(Action<string> line)
    {
        if (LmtpPort is not { } port) return;
        line("protocol lmtp {");
        line($"  auth_username_format = %{{if;%d;eq;{DovecotInstance.LmtpBareUserDomain};%Ln;%Lu}}");
        if (ManageSievePort is not null) line("  mail_plugins = $mail_plugins sieve");
        line("}");
        line("service lmtp {");
        line($"  inet_listener lmtp {{\n    address = 127.0.0.1\n    port = {Invariant(port)}\n  }}");
        line("}");
    }

    /// <summary>
    /// Pigeonhole (Debian's dovecot-sieve and dovecot-managesieved): each user's scripts in <c>~/sieve</c> with the
    /// active one linked from <c>~/.dovecot.sieve</c>, run by the sieve plugin on every LMTP delivery, and edited
    /// through ManageSieve (RFC 5804) on 127.0.0.1. Vacation replies and redirects leave through the SMTP server
    /// <see cref="SubmissionHost"/> names (Dovecot's <c>submission_host</c>), plain SMTP without STARTTLS.
    /// </summary>
    private void RenderSieve(Action<string> line)
    {
        if (ManageSievePort is not { } port) return;
        if (SubmissionHost is { } host)
        {
            if (host.Any(c => c is '\n' or '\r' or '#' or ' ')) throw new InvalidOperationException("A submission host is host:port.");
            line($"submission_host = {host}");
        }

        line("plugin {");
        line("  sieve = file:~/sieve;active=~/.dovecot.sieve");
        line("}");
        line("service managesieve-login {");
        if (!Accounts.CanChroot) line("  chroot =");
        line($"  inet_listener sieve {{\n    address = 127.0.0.1\n    port = {Invariant(port)}\n  }}");
        line("}");
    }

    /// <summary>
    /// An unnamed listener of the auth service speaks the auth-client protocol, the one Postfix's
    /// <c>smtpd_sasl_type = dovecot</c> uses (doc.dovecot.org "Postfix SASL"); it checks passwords against the
    /// same passdb as IMAP logins.
    /// </summary>
    private void RenderAuthListener(Action<string> line)
    {
        if (AuthPort is not { } port) return;
        line("service auth {");
        line($"  inet_listener {{\n    address = 127.0.0.1\n    port = {Invariant(port)}\n  }}");
        line("}");
    }

    /// <summary>
    /// Login processes in Dovecot's high-performance mode (<c>service_count = 0</c>): a few long-lived
    /// processes, one per core kept ready, each taking many connections, instead of a new process per login.
    /// A plain session leaves imap-login once logged in; a TLS session stays in it (imap-login proxies TLS), so
    /// together they accept every session.
    /// </summary>
    private static void RenderLoginLimits(Action<string> line, int sessions)
    {
        var processes = Math.Max(2, Environment.ProcessorCount);
        line("  service_count = 0");
        line($"  process_min_avail = {Invariant(processes)}");
        line($"  process_limit = {Invariant(processes)}");
        line($"  client_limit = {Invariant(sessions / processes + InternalHeadroom)}");
        line("  vsz_limit = 1G");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
