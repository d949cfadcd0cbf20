using System.Text;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// A directory of Dovecot passwd-files, one per user (<c>&lt;user&gt;.passwd</c>, read by a passdb whose path is
/// <c>%u.passwd</c>; doc.dovecot.org "Passwd-file"). One file per user because Dovecot re-checks a passwd-file
/// at most once a second: a user added to a shared file could stay unknown for that second, while a new file
/// is read at its first lookup. A changed password takes effect within a second. Passwords are stored in the
/// <c>{PLAIN.b64}</c> scheme: plaintext, base64-encoded so colons and any UTF-8 survive the colon-separated
/// format. Plaintext on disk is acceptable only for this private development and test instance.
/// </summary>
internal sealed class DovecotPasswdFiles
{
    private readonly string _directory;

    public DovecotPasswdFiles(string directory)
    {
        _directory = directory;
        if (!Directory.Exists(directory)) UnixFiles.CreateDirectory(directory, UnixFiles.OwnerOnlyDirectory);
    }

    /// <summary>Adds the user, or replaces its password.</summary>
    public void Set(string user, string password)
    {
        var path = Path.Combine(_directory, user + ".passwd");
        var line = $"{user}:{{PLAIN.b64}}{Convert.ToBase64String(Encoding.UTF8.GetBytes(password))}\n";
        var before = File.Exists(path) ? new FileInfo(path) : null;

        var temporary = path + ".tmp";
        UnixFiles.WritePrivate(temporary, line);
        if (before is not null && before.Length == new FileInfo(temporary).Length && SameSecond(before.LastWriteTimeUtc, File.GetLastWriteTimeUtc(temporary)))
        {
            // Dovecot compares size and whole-second mtime; move the mtime on so it sees the change.
            File.SetLastWriteTimeUtc(temporary, before.LastWriteTimeUtc.AddSeconds(1));
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static bool SameSecond(DateTime a, DateTime b) => a.Ticks / TimeSpan.TicksPerSecond == b.Ticks / TimeSpan.TicksPerSecond;
}
