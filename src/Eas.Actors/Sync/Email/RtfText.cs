using System.Globalization;
using System.Text;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// The RTF body a client gets when it asks for Type 3 (MS-ASAIRS 2.2.2.41.1): an IMAP store keeps no RTF, so it is
/// made from the message's plain text (for an HTML-only message, its text form). The document is 7-bit: every
/// character past ASCII is a <c>\uN?</c> control word (RTF 1.5 "Unicode RTF", one UTF-16 unit each, with <c>\uc1</c>
/// and <c>?</c> as the fallback), so its bytes are its characters. Data carries the RTF in base64 (MS-ASAIRS
/// 2.2.2.20.1: "If the value of the Type element is 3 (RTF), the value of the Data element is encoded using base64").
/// </summary>
internal static class RtfText
{
    private const string Header = "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs20 ";

    /// <summary>The RTF document holding <paramref name="text"/>: one paragraph per line.</summary>
    public static string FromPlainText(string text)
    {
        var builder = new StringBuilder(Header, Header.Length + text.Length + text.Length / 8 + 2);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '{' or '}':
                    builder.Append('\\').Append(c);
                    break;
                case '\n':
                    builder.Append("\\par\r\n");
                    break;
                case '\t':
                    builder.Append("\\tab ");
                    break;
                case < ' ':
                    break;
                case < (char)0x80:
                    builder.Append(c);
                    break;
                default:
                    builder.Append("\\u").Append(((short)c).ToString(CultureInfo.InvariantCulture)).Append('?');
                    break;
            }
        }

        return builder.Append('}').ToString();
    }

    /// <summary>The base64 form of the RTF document (its bytes are ASCII, see the class remarks).</summary>
    public static string Base64FromPlainText(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(FromPlainText(text)));

    /// <summary>The base64 text cut to at most <paramref name="maxBytes"/>, on a 4-character group so that what is sent decodes.</summary>
    public static ReadOnlyMemory<byte> Base64Prefix(ReadOnlyMemory<byte> base64, long? maxBytes) =>
        maxBytes is { } limit && limit < base64.Length ? base64[..(int)(limit / 4 * 4)] : base64;
}
