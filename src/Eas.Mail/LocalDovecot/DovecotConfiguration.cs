using System.Globalization;
using System.Text;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// Renders the private dovecot.conf. Everything lives under the data directory (base_dir, state_dir, log,
/// certificate, passwd-files, maildirs), nothing is included from /etc/dovecot, and the only sockets bound
/// to the network listen on 127.0.0.1.
/// </summary>
internal sealed record DovecotConfiguration(
    DovecotLayout Layout, int ImapPort, int ImapsPort, DovecotAccounts Accounts, bool MasterUsers)
{
    private static readonly (string Name, string Use)[] SpecialFolders =
        [("Drafts", "\\Drafts"), ("Sent", "\\Sent"), ("Trash", "\\Trash"), ("Junk", "\\Junk")];

    public string Render()
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        var mailUid = Accounts.MailUid.ToString(CultureInfo.InvariantCulture);
        var mailGid = Accounts.MailGid.ToString(CultureInfo.InvariantCulture);

        Line("# Written by Eas.Mail.LocalDovecot.DovecotInstance for development and tests; rewritten at each start.");
        Line("protocols = imap");
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

        Line("service imap-login {");
        if (!Accounts.CanChroot) Line("  chroot =");
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
}
