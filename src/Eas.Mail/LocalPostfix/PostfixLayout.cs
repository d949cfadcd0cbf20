using System.Buffers;

namespace Eas.Mail.LocalPostfix;

/// <summary>
/// Where the private Postfix keeps its files, all under one data directory: <c>config/</c> (main.cf, master.cf
/// and the two lookup tables), <c>queue/</c> (queue_directory, root-owned, with the subdirectories and sockets
/// Postfix creates), <c>data/</c> (data_directory, owned by mail_owner), <c>postfix.log</c> (maillog_file) and
/// the TLS certificate and key.
/// </summary>
internal sealed record PostfixLayout(string DataDirectory)
{
    /// <summary>Longest data directory path accepted, so that the deepest socket path stays well inside the 108-byte limit.</summary>
    public const int MaxDataDirectoryLength = 80;

    /// <summary>Characters that main.cf would read as list separators, variables or comments.</summary>
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(" \t\n\r\"'$#,={}<>\\;:");

    public string ConfigDirectory => Path.Combine(DataDirectory, "config");

    public string MainConfigPath => Path.Combine(ConfigDirectory, "main.cf");

    public string MasterConfigPath => Path.Combine(ConfigDirectory, "master.cf");

    /// <summary>virtual_mailbox_maps: every address that accepts mail.</summary>
    public string MailboxesPath => Path.Combine(ConfigDirectory, "virtual-mailboxes");

    /// <summary>virtual_alias_maps: addresses whose Dovecot user is not the address itself.</summary>
    public string AliasesPath => Path.Combine(ConfigDirectory, "virtual-aliases");

    public string QueueDirectory => Path.Combine(DataDirectory, "queue");

    public string StateDirectory => Path.Combine(DataDirectory, "data");

    public string LogPath => Path.Combine(DataDirectory, "postfix.log");

    public string CertificatePath => Path.Combine(DataDirectory, "tls-cert.pem");

    public string KeyPath => Path.Combine(DataDirectory, "tls-key.pem");

    /// <summary>Checks that the path can go into main.cf unquoted (no spaces, '$', commas...) and is short enough.</summary>
    public static PostfixLayout For(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var full = Path.GetFullPath(dataDirectory).TrimEnd('/');
        if (full.Length == 0 || full.AsSpan().ContainsAny(Unsafe) || !System.Text.Ascii.IsValid(full) || full.Length > MaxDataDirectoryLength)
            throw new ArgumentException(
                $"The Postfix data directory must be an absolute ASCII path of at most {MaxDataDirectoryLength} characters without spaces, quotes, '$', '#', ',', '=', ':', ';', braces, angle brackets or backslashes.",
                nameof(dataDirectory));
        return new PostfixLayout(full);
    }
}
