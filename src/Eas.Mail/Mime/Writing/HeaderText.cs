using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// Header fields the writer makes itself (RFC 5322 section 2.2): "Name: value" folded at blanks so lines stay
/// within 78 characters where the value allows (section 2.1.1), and the Date and msg-id forms of sections 3.3
/// and 3.6.4.
/// </summary>
internal static class HeaderText
{
    private const int FoldAt = 78;

    /// <summary>"Name: value" with CRLF, the value folded before a blank whenever the line would pass 78 characters.</summary>
    public static string Field(string name, string value)
    {
        var text = new StringBuilder(name.Length + value.Length + 8).Append(name).Append(':');
        var lineStart = 0;
        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (text.Length - lineStart + 1 + word.Length > FoldAt && text.Length - lineStart > name.Length + 1)
            {
                text.Append("\r\n");
                lineStart = text.Length;
            }

            text.Append(' ').Append(word);
        }

        return text.Append("\r\n").ToString();
    }

    /// <summary>A date-time as RFC 5322 section 3.3 writes it: "Tue, 01 Jan 2019 10:00:00 +0000".</summary>
    public static string Date(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A new msg-id (RFC 5322 section 3.6.4) without brackets: 128 random bits, so it is unique without any
    /// state, at <paramref name="domain"/>, which names the sender's domain as the section recommends.
    /// </summary>
    public static string NewMessageId(string domain) =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "@" + domain;

    /// <summary>The domain of an address when it is a plain dot-atom of letters, digits and hyphens; else null.</summary>
    public static string? DomainOf(string? address)
    {
        if (address is null) return null;
        var at = address.LastIndexOf('@');
        if (at < 0) return null;
        var domain = address[(at + 1)..];
        var valid = domain.Length > 0 && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal)
            && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
        return valid ? domain : null;
    }
}
