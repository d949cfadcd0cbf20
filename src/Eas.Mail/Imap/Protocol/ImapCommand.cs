namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// A command ready to send, built by <see cref="ImapCommandBuilder"/>: the wire octets (without the tag),
/// split where a synchronizing literal makes the client wait for the server's <c>+</c>. Its
/// <see cref="ToString"/> is safe to log: arguments marked sensitive (passwords, SASL responses) are replaced
/// by <c>***</c>. After execution the client erases the sensitive octets.
/// </summary>
public sealed class ImapCommand
{
    private readonly string _display;
    private List<string>? _secrets;

    internal ImapCommand(string name, IReadOnlyList<ImapCommandPart> parts, string display, List<string>? secrets)
    {
        Name = name;
        Parts = parts;
        _display = display;
        _secrets = secrets;
    }

    /// <summary>The command name, e.g. <c>LOGIN</c> or <c>UID FETCH</c>.</summary>
    public string Name { get; }

    internal IReadOnlyList<ImapCommandPart> Parts { get; }

    /// <summary>The command with its sensitive arguments masked.</summary>
    public override string ToString() => _display;

    /// <summary>
    /// Masks this command's secrets in server text before it goes into an exception or a log, in case the
    /// server echoes the command line back in an error.
    /// </summary>
    internal string Redact(string serverText)
    {
        if (_secrets is null) return serverText;
        foreach (var secret in _secrets)
        {
            if (secret.Length > 0) serverText = serverText.Replace(secret, "***", StringComparison.Ordinal);
        }

        return serverText;
    }

    /// <summary>Zeroes the octets of sensitive parts and forgets the secrets; the command cannot be sent again.</summary>
    internal void EraseSecrets()
    {
        if (_secrets is null) return;
        foreach (var part in Parts)
        {
            if (part.IsSensitive) Array.Clear(part.Bytes);
        }

        _secrets = null;
    }
}

/// <summary>
/// A run of command octets. A literal's content is a part of its own; if <see cref="WaitForContinuation"/>
/// the client must read the server's <c>+</c> before sending it. A literal streamed from
/// <see cref="Source"/> has empty <see cref="Bytes"/> and <see cref="SourceLength"/> octets to copy.
/// </summary>
internal readonly record struct ImapCommandPart(
    byte[] Bytes, bool WaitForContinuation, bool IsSensitive, Stream? Source = null, long SourceLength = 0);
