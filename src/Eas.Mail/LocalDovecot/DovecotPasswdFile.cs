using System.Text;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// A Dovecot passwd-file (<c>user:password</c> lines, doc.dovecot.org "Passwd-file"). Passwords are stored in
/// the <c>{PLAIN.b64}</c> scheme: plaintext, base64-encoded so that colons, quotes and any UTF-8 survive the
/// colon-separated format. Plaintext on disk is acceptable only because this serves a private development
/// and test instance; never use it for real accounts.
/// </summary>
internal sealed class DovecotPasswdFile
{
    private readonly object _gate = new();

    public DovecotPasswdFile(string path)
    {
        Path = path;
        if (!File.Exists(path)) Write([]);
    }

    public string Path { get; }

    /// <summary>Adds the user, or replaces its password. Dovecot re-reads the file when it changes.</summary>
    public void Set(string user, string password)
    {
        var line = $"{user}:{{PLAIN.b64}}{Convert.ToBase64String(Encoding.UTF8.GetBytes(password))}";
        lock (_gate)
        {
            var lines = File.ReadAllLines(Path).Where(existing => !existing.StartsWith(user + ":", StringComparison.Ordinal));
            Write([.. lines, line]);
        }
    }

    /// <summary>
    /// Replaces the file atomically. Dovecot notices a change by size and mtime in whole seconds, so a rewrite
    /// of the same size within the same second gets its mtime moved on by a second.
    /// </summary>
    private void Write(string[] lines)
    {
        var before = File.Exists(Path) ? new FileInfo(Path) : null;
        var (previousSize, previousTime) = (before?.Length, before?.LastWriteTimeUtc);

        var temporary = Path + ".tmp";
        UnixFiles.WritePrivate(temporary, string.Concat(lines.Select(line => line + "\n")));
        var size = new FileInfo(temporary).Length;
        if (previousTime is { } time && size == previousSize && File.GetLastWriteTimeUtc(temporary).Ticks / TimeSpan.TicksPerSecond <= time.Ticks / TimeSpan.TicksPerSecond)
            File.SetLastWriteTimeUtc(temporary, time.AddSeconds(1));
        File.Move(temporary, Path, overwrite: true);
    }
}
