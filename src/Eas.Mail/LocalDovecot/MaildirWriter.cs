using System.Globalization;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// Drops messages straight into a user's maildir (the format of cr.yp.to/proto/maildir.html as Dovecot reads
/// it): written under <c>tmp/</c>, then renamed into <c>new/</c> (or <c>cur/</c> with the <c>:2,S</c> flag for
/// a read message), so Dovecot never sees a half-written file. It picks the message up at the next SELECT,
/// STATUS or NOOP. When Dovecot's mail processes run as another account than ours, what we create is given
/// to that account.
/// </summary>
internal sealed class MaildirWriter
{
    private readonly string _mailRoot;
    private readonly (uint Uid, uint Gid)? _owner;
    private readonly string _host = Environment.MachineName.Replace('/', '_').Replace(':', '_');
    private long _sequence;

    public MaildirWriter(string mailRoot, (uint Uid, uint Gid)? owner)
    {
        _mailRoot = mailRoot;
        _owner = owner;
    }

    /// <summary>The user's home; Dovecot's userdb points each user here, and the maildir is <c>~/Maildir</c>.</summary>
    public string HomeOf(string user) => Path.Combine(_mailRoot, user);

    public async Task<string> DeliverAsync(string user, ReadOnlyMemory<byte> message, bool seen, CancellationToken cancellationToken)
    {
        var maildir = Path.Combine(HomeOf(user), "Maildir");
        foreach (var directory in new[] { HomeOf(user), maildir, Path.Combine(maildir, "tmp"), Path.Combine(maildir, "new"), Path.Combine(maildir, "cur") })
            CreateOwnedDirectory(directory);

        var now = DateTimeOffset.UtcNow;
        var unique = string.Create(CultureInfo.InvariantCulture,
            $"{now.ToUnixTimeSeconds()}.M{now.Ticks / 10 % 1_000_000}P{Environment.ProcessId}Q{Interlocked.Increment(ref _sequence)}.{_host}");
        var temporary = Path.Combine(maildir, "tmp", unique);
        await File.WriteAllBytesAsync(temporary, message, cancellationToken).ConfigureAwait(false);
        UnixFiles.SetMode(temporary, UnixFiles.OwnerOnly);
        if (_owner is { } owner) UnixAccount.ChangeOwner(temporary, owner.Uid, owner.Gid);

        var final = seen ? Path.Combine(maildir, "cur", unique + ":2,S") : Path.Combine(maildir, "new", unique);
        File.Move(temporary, final);
        return final;
    }

    /// <summary>Creates a directory (mode 0700) owned by the mail account, unless it exists.</summary>
    public void CreateOwnedDirectory(string path)
    {
        if (Directory.Exists(path)) return;
        UnixFiles.CreateDirectory(path, UnixFiles.OwnerOnlyDirectory);
        if (_owner is { } owner) UnixAccount.ChangeOwner(path, owner.Uid, owner.Gid);
    }
}
