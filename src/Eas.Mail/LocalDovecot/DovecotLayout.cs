using System.Buffers;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// Where the private Dovecot keeps its files, all under one data directory: dovecot.conf, dovecot.log,
/// tls-cert.pem and tls-key.pem, users/ and masters/ (passwd-files), mail/ (homes and maildirs), run/
/// (base_dir: sockets and pid file) and state/ (state_dir).
/// </summary>
internal sealed record DovecotLayout(string DataDirectory)
{
    /// <summary>
    /// Longest data directory path accepted: Dovecot's deepest socket, <c>run/token-login/imap-urlauth</c>,
    /// must fit in a Unix socket address (108 bytes).
    /// </summary>
    public const int MaxDataDirectoryLength = 75;

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(" \t\n\"'%$#{}<\\");

    public string ConfigPath => Path.Combine(DataDirectory, "dovecot.conf");

    public string BaseDirectory => Path.Combine(DataDirectory, "run");

    public string StateDirectory => Path.Combine(DataDirectory, "state");

    public string LogPath => Path.Combine(DataDirectory, "dovecot.log");

    /// <summary>The push_notification Lua driver (<see cref="DovecotPushWebhook"/>), readable by the mail user's processes.</summary>
    public string PushScriptPath => Path.Combine(DataDirectory, "eas-push.lua");

    public string CertificatePath => Path.Combine(DataDirectory, "tls-cert.pem");

    public string KeyPath => Path.Combine(DataDirectory, "tls-key.pem");

    public string UsersDirectory => Path.Combine(DataDirectory, "users");

    public string MasterUsersDirectory => Path.Combine(DataDirectory, "masters");

    public string MailRoot => Path.Combine(DataDirectory, "mail");

    /// <summary>
    /// Checks that the path can go into dovecot.conf unquoted: no spaces, quotes, <c>%</c> or <c>$</c>
    /// (Dovecot would expand them as variables) and short enough for socket paths.
    /// </summary>
    public static DovecotLayout For(string dataDirectory)
    {
        var full = Path.GetFullPath(dataDirectory).TrimEnd('/');
        if (full.AsSpan().ContainsAny(Unsafe) || full.Length > MaxDataDirectoryLength)
            throw new ArgumentException(
                $"The Dovecot data directory must be an absolute path of at most {MaxDataDirectoryLength} characters without spaces, quotes, '%', '$', '#', braces, '<' or backslashes.",
                nameof(dataDirectory));
        return new DovecotLayout(full);
    }
}
