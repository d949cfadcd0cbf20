using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// A mailbox (RFC 5322 section 3.4): an optional display name, decoded, and the address. Members of a group
/// ("Team: a@x, b@y;") carry the group's display name in <see cref="Group"/>.
/// </summary>
/// <param name="Name">The display name with encoded-words decoded; empty when there is none.</param>
/// <param name="Address">The addr-spec ("local@domain"); empty when the field held only a name.</param>
public sealed record MailAddress(string Name, string Address)
{
    /// <summary>The display name of the group this mailbox was listed in, or null.</summary>
    public string? Group { get; init; }

    /// <summary>Parses an address-list field (From, To, Cc, Reply-To...) tolerantly; never throws.</summary>
    public static IReadOnlyList<MailAddress> ParseList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : AddressListParser.Parse(value);

    /// <summary>
    /// Writes addresses as an RFC 5322 address-list, grouping consecutive members of the same group. With
    /// <paramref name="encodeNonAscii"/> non-ASCII names become RFC 2047 encoded-words (for a header on the wire);
    /// without it they stay Unicode (RFC 6532, and EAS which carries the text as it is).
    /// </summary>
    public static string FormatList(IEnumerable<MailAddress> addresses, bool encodeNonAscii = false)
    {
        var text = new StringBuilder();
        string? group = null;
        foreach (var address in addresses)
        {
            if (group is not null && address.Group != group) text.Append(';');
            if (text.Length > 0) text.Append(", ");
            if (address.Group is not null && address.Group != group) text.Append(FormatPhrase(address.Group, encodeNonAscii)).Append(": ");
            group = address.Group;
            text.Append(address.Format(encodeNonAscii));
        }

        if (group is not null) text.Append(';');
        return text.ToString();
    }

    /// <summary>This mailbox as "Name &lt;address&gt;", the name quoted when it is not a plain phrase.</summary>
    public string Format(bool encodeNonAscii = false)
    {
        if (Name.Length == 0) return Address;
        var phrase = FormatPhrase(Name, encodeNonAscii);
        return Address.Length == 0 ? phrase : $"{phrase} <{Address}>";
    }

    public override string ToString() => Format();

    /// <summary>A display name as a phrase: atoms as they are, else a quoted-string, else (non-ASCII on the wire, or text that would read as an encoded-word) RFC 2047.</summary>
    private static string FormatPhrase(string name, bool encodeNonAscii)
    {
        if (name.Contains("=?", StringComparison.Ordinal) || (encodeNonAscii && !Ascii.IsValid(name))) return EncodedWords.Encode(name);
        if (IsPlainPhrase(name)) return name;
        return "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    private static bool IsPlainPhrase(string name)
    {
        var words = name.Split(' ');
        return words.All(w => w.Length > 0 && w.All(c => AddressTokenizer.IsAtomChar(c) && c != '.'));
    }
}
