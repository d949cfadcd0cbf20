using Eas.Mail.LocalDovecot;

namespace Eas.Mail.LocalRadicale;

/// <summary>
/// Radicale's htpasswd file with <c>htpasswd_encryption = plain</c>: one <c>user:password</c> line per user, read by
/// Radicale at every login (so a user added while it runs can sign in at once). Plain text because Debian's Radicale
/// 3.1 verifies bcrypt only with python3-bcrypt, which it does not depend on; acceptable for this private
/// development and test instance only. The file is replaced atomically, never edited in place.
/// </summary>
internal sealed class RadicaleUsers(string path)
{
    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    /// <summary>Adds the user, or replaces its password.</summary>
    public void Set(string user, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (user.Any(c => c is ':' or '/' || char.IsControl(c) || char.IsWhiteSpace(c)))
            throw new ArgumentException("Radicale user names may not hold ':', '/', white space or control characters.", nameof(user));
        if (password.Any(c => c is '\r' or '\n'))
            throw new ArgumentException("An htpasswd password cannot hold line breaks.", nameof(password));

        lock (_users)
        {
            _users[user] = password;
            var temporary = Path + ".tmp";
            UnixFiles.WritePrivate(temporary, string.Concat(_users.Select(entry => $"{entry.Key}:{entry.Value}\n")));
            File.Move(temporary, Path, overwrite: true);
        }
    }

    /// <summary>Reads the users an earlier instance of the same data directory left.</summary>
    public void Load()
    {
        if (!File.Exists(Path)) return;
        foreach (var line in File.ReadAllLines(Path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) _users[line[..colon]] = line[(colon + 1)..];
        }
    }
}
