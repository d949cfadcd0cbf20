using System.Collections.Frozen;
using System.Globalization;

namespace Eas.Mail.Smtp;

/// <summary>
/// The service extensions a server listed in its EHLO reply (RFC 5321 section 4.1.1.1): one keyword per line
/// after the first, with optional parameters, compared case-insensitively. They are valid for one session
/// state only: after STARTTLS the client must forget them and ask again (RFC 3207 section 4.2), and after a
/// HELO fallback there are none.
/// </summary>
public sealed class SmtpCapabilities
{
    private readonly FrozenDictionary<string, string> _keywords;

    private SmtpCapabilities(FrozenDictionary<string, string> keywords, FrozenSet<string> mechanisms)
    {
        _keywords = keywords;
        AuthMechanisms = mechanisms;
    }

    /// <summary>None: before EHLO, or after a server refused EHLO and accepted HELO.</summary>
    public static SmtpCapabilities Empty { get; } = new(FrozenDictionary<string, string>.Empty, FrozenSet<string>.Empty);

    /// <summary>The keywords, upper-case, e.g. <c>PIPELINING</c>, <c>SIZE</c>, <c>AUTH</c>.</summary>
    public IReadOnlyCollection<string> Keywords => _keywords.Keys;

    /// <summary>Commands may be sent in groups without waiting for each reply (RFC 2920).</summary>
    public bool Pipelining => Contains("PIPELINING");

    /// <summary>STARTTLS is offered (RFC 3207).</summary>
    public bool StartTls => Contains("STARTTLS");

    /// <summary>MAIL FROM takes <c>BODY=8BITMIME</c> (RFC 6152).</summary>
    public bool EightBitMime => Contains("8BITMIME");

    /// <summary>MAIL FROM takes <c>SMTPUTF8</c>: UTF-8 addresses and header fields (RFC 6531).</summary>
    public bool SmtpUtf8 => Contains("SMTPUTF8");

    /// <summary>Replies carry RFC 3463 codes (RFC 2034).</summary>
    public bool EnhancedStatusCodes => Contains("ENHANCEDSTATUSCODES");

    /// <summary>MAIL FROM takes <c>SIZE=</c> (RFC 1870).</summary>
    public bool Size => Contains("SIZE");

    /// <summary>
    /// The largest message the server accepts, in octets, from <c>SIZE n</c> (RFC 1870 section 4); null when
    /// SIZE is not offered or announces no fixed limit (no number, or 0).
    /// </summary>
    public long? MaxMessageSize =>
        _keywords.TryGetValue("SIZE", out var value)
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? size
            : null;

    /// <summary>
    /// The SASL mechanisms of <c>AUTH PLAIN LOGIN ...</c> (RFC 4954 section 3), including those of the
    /// pre-standard <c>AUTH=PLAIN LOGIN</c> form some servers still send; upper-case.
    /// </summary>
    public IReadOnlySet<string> AuthMechanisms { get; }

    public bool Contains(string keyword) => _keywords.ContainsKey(keyword);

    /// <summary>The parameters after a keyword (e.g. <c>10240000</c> for SIZE); null if it is not offered.</summary>
    public string? Parameters(string keyword) => _keywords.TryGetValue(keyword, out var value) ? value : null;

    public override string ToString() =>
        string.Join(' ', _keywords.Select(pair => pair.Value.Length == 0 ? pair.Key : $"{pair.Key}={pair.Value}"));

    /// <summary>Reads a 250 reply to EHLO: the first line is the server's domain and greeting, each other line an extension.</summary>
    internal static SmtpCapabilities Parse(SmtpReply ehlo)
    {
        var keywords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var mechanisms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ehlo.Lines.Skip(1))
        {
            var trimmed = line.Trim();
            var end = trimmed.IndexOfAny([' ', '=']);
            var keyword = (end < 0 ? trimmed : trimmed[..end]).ToUpperInvariant();
            var parameters = end < 0 ? "" : trimmed[(end + 1)..].Trim();
            if (keyword.Length == 0) continue;
            if (keyword == "AUTH") mechanisms.UnionWith(parameters.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (end < 0 || trimmed[end] == ' ' || !keywords.ContainsKey(keyword)) keywords[keyword] = parameters;
        }

        return new SmtpCapabilities(
            keywords.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), mechanisms.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }
}
