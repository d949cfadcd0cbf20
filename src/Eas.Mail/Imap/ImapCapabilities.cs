using System.Collections.Frozen;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// The capabilities a server advertised (RFC 3501 section 7.2.1, RFC 9051 section 7.2.2), compared
/// case-insensitively. They change with the session state: a client must drop them after STARTTLS and should
/// re-read them after login (RFC 3501 sections 6.2.1 and 6.2.3), which <see cref="ImapClient"/> does.
/// </summary>
public sealed class ImapCapabilities
{
    private readonly FrozenSet<string> _names;

    private ImapCapabilities(FrozenSet<string> names) => _names = names;

    /// <summary>Nothing known yet.</summary>
    public static ImapCapabilities Empty { get; } = new(FrozenSet<string>.Empty);

    /// <summary>All advertised names, e.g. <c>IMAP4rev1</c>, <c>AUTH=PLAIN</c>, <c>LITERAL+</c>.</summary>
    public IReadOnlySet<string> Names => _names;

    /// <summary>LOGIN is refused in this state (RFC 3501 section 6.2.3); typically until STARTTLS.</summary>
    public bool LoginDisabled => Contains("LOGINDISABLED");

    /// <summary>STARTTLS is offered (RFC 3501 section 6.2.1).</summary>
    public bool StartTls => Contains("STARTTLS");

    /// <summary>AUTHENTICATE takes an initial response on the command line (RFC 4959 section 3).</summary>
    public bool SaslInitialResponse => Contains("SASL-IR");

    /// <summary>How literals may be sent: LITERAL+ and LITERAL- of RFC 7888 allow non-synchronizing ones.</summary>
    public ImapLiteralMode LiteralMode =>
        Contains("LITERAL+") ? ImapLiteralMode.NonSynchronizing
        : Contains("LITERAL-") ? ImapLiteralMode.NonSynchronizingUpTo4096
        : ImapLiteralMode.Synchronizing;

    /// <summary>Parses the space-separated list of a <c>CAPABILITY</c> response or response code.</summary>
    public static ImapCapabilities Parse(IEnumerable<string> names) =>
        new(names.Where(name => name.Length > 0).ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Parses the arguments of a <c>[CAPABILITY ...]</c> response code.</summary>
    public static ImapCapabilities Parse(string names) => Parse(names.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public bool Contains(string capability) => _names.Contains(capability);

    /// <summary>Whether <c>AUTH=<paramref name="mechanism"/></c> is advertised (RFC 3501 section 6.2.2).</summary>
    public bool SupportsAuthentication(string mechanism) => Contains("AUTH=" + mechanism);

    public override string ToString() => string.Join(' ', _names);
}
