using System.Collections.Immutable;
using System.Text;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// One mailbox of an address header (From, To, Cc, Reply-To, Sender), already decoded: the display name
/// in Unicode (RFC 2047 words resolved) and the addr-spec. EAS carries addresses as plain strings in the
/// RFC 5322 shape (MS-ASEMAIL 2.2.2.79 To, 2.2.2.18 Cc, 2.2.2.36 From); the strings are UTF-8 inside WBXML,
/// so non-ASCII names are written as they are, never re-encoded.
/// </summary>
/// <param name="Name">The display name, or null when the header has none.</param>
/// <param name="Address">The addr-spec, e.g. <c>anna@example.com</c>.</param>
public sealed record EmailAddress(string? Name, string Address)
{
    /// <summary>The name to show: the display name, or the address when there is none (for DisplayTo, MS-ASEMAIL 2.2.2.29).</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Address : Clean(Name);

    /// <summary>
    /// The EAS form: <c>"Anna Berg" &lt;anna@example.com&gt;</c>, or the bare address when there is no
    /// name. The name is always quoted, so commas and semicolons in it cannot split the list; a quote or
    /// backslash in it is escaped as an RFC 5322 quoted-pair, and line breaks are folded to spaces.
    /// </summary>
    public string ToEasString()
    {
        if (string.IsNullOrWhiteSpace(Name)) return Address;
        var builder = new StringBuilder(Name.Length + Address.Length + 5).Append('"');
        foreach (var c in Clean(Name))
        {
            if (c is '"' or '\\') builder.Append('\\');
            builder.Append(c);
        }

        return builder.Append("\" <").Append(Address).Append('>').ToString();
    }

    /// <summary>
    /// Joins addresses in the EAS form with <paramref name="separator"/>; empty when there are none. The form every
    /// synced item takes four times (To, Cc, From, Reply-To), most often with none or one address: no enumerator, no
    /// iterator and no joining buffer for those.
    /// </summary>
    public static string Join(ImmutableArray<EmailAddress> addresses, string separator) => addresses.Length switch
    {
        0 => string.Empty,
        1 => addresses[0].ToEasString(),
        _ => JoinEach(addresses, separator, static address => address.ToEasString()),
    };

    /// <summary>The addresses' display names (<see cref="DisplayName"/>) joined with <paramref name="separator"/>, for DisplayTo.</summary>
    public static string JoinDisplayNames(ImmutableArray<EmailAddress> addresses, string separator) => addresses.Length switch
    {
        0 => string.Empty,
        1 => addresses[0].DisplayName,
        _ => JoinEach(addresses, separator, static address => address.DisplayName),
    };

    private static string JoinEach(ImmutableArray<EmailAddress> addresses, string separator, Func<EmailAddress, string> form)
    {
        var parts = new string[addresses.Length];
        for (var i = 0; i < parts.Length; i++) parts[i] = form(addresses[i]);
        return string.Join(separator, parts);
    }

    /// <inheritdoc/>
    public override string ToString() => ToEasString();

    private static string Clean(string name) =>
        name.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Trim();
}
