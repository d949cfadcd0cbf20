namespace Eas.Mail.LocalDovecot;

/// <summary>Permission-setting file operations; Dovecot runs on Unix only, so Windows is refused.</summary>
internal static class UnixFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    public static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("A private Dovecot needs Linux.");
        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Writes a file that only its owner may read, without a window in which others could open it.</summary>
    public static void WritePrivate(string path, string content)
    {
        File.WriteAllText(path, "");
        SetMode(path, OwnerOnly);
        File.WriteAllText(path, content);
    }

    public static UnixFileMode GetMode(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("A private Dovecot needs Linux.");
        return File.GetUnixFileMode(path);
    }

    /// <summary>
    /// The nearest existing directory above <paramref name="path"/> that others may not pass through (no o+x), or
    /// null. Daemons that drop root for an unprivileged account (Dovecot's mail processes, Postfix's mail_owner)
    /// must pass through every directory above their files.
    /// </summary>
    public static string? FindUnsearchableParent(string path)
    {
        for (var parent = Path.GetDirectoryName(path); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent) && (GetMode(parent) & UnixFileMode.OtherExecute) == 0) return parent;
        }

        return null;
    }

    public static void CreateDirectory(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("A private Dovecot needs Linux.");
        Directory.CreateDirectory(path, mode);
    }
}
