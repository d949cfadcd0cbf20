namespace Eas.Mail.LocalDovecot;

/// <summary>
/// The system accounts the private Dovecot's processes run as. Running as root, Dovecot 2.3 insists on
/// unprivileged accounts in two places: login processes abort with "This process must not be run as root"
/// (so <c>default_login_user</c> is <c>dovenull</c>, chrooted as usual), and mail processes refuse uid 0 with
/// "Mail access not allowed for root" whatever <c>first_valid_uid</c> says (so <c>mail_uid</c>/<c>mail_gid</c>
/// name an unprivileged account, <c>nobody</c> by default). The internal services (auth, config, log, anvil)
/// may run as root, which lets them read the root-owned files of the data directory. Running unprivileged,
/// every process runs as the current account and chroots are off, since only root may chroot.
/// </summary>
internal sealed record DovecotAccounts(
    string InternalUser, string InternalGroup, string LoginUser, uint MailUid, uint MailGid, bool CanChroot)
{
    /// <summary>The account that owns mail files and directories, when it is not the current one.</summary>
    public (uint Uid, uint Gid)? ForeignMailOwner =>
        UnixAccount.Current == (MailUid, MailGid) ? null : (MailUid, MailGid);

    public static DovecotAccounts Detect(string mailUser)
    {
        if (UnixAccount.IsRoot)
        {
            if (UnixAccount.FindUser("dovenull") is null)
                throw new InvalidOperationException(
                    "The dovenull account Dovecot's login processes run as is missing; install Dovecot with `apt-get install dovecot-imapd`.");
            var (uid, gid) = UnixAccount.FindUser(mailUser)
                ?? throw new InvalidOperationException($"The mail account '{mailUser}' (DovecotOptions.MailUser) does not exist.");
            if (uid == 0) throw new InvalidOperationException("Dovecot refuses mail access as root; choose another DovecotOptions.MailUser.");
            return new DovecotAccounts("root", "root", "dovenull", uid, gid, CanChroot: true);
        }

        var (currentUid, currentGid) = UnixAccount.Current;
        var user = Environment.UserName;
        var group = UnixAccount.FindGroupName(currentGid)
            ?? throw new InvalidOperationException($"The current group id {currentGid} has no name in /etc/group.");
        return new DovecotAccounts(user, group, user, currentUid, currentGid, CanChroot: false);
    }
}
