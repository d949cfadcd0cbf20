using System.Text;

namespace Eas.Mail.Smtp;

/// <summary>
/// The envelope of one message (RFC 5321 section 2.3.1): the reverse-path given with MAIL FROM and the
/// forward-paths given with RCPT TO, independent of the From/To/Cc/Bcc header fields (Bcc recipients are in
/// the envelope only). Addresses are plain <c>local@domain</c> without angle brackets; no DSN parameters.
/// </summary>
public sealed class SmtpEnvelope
{
    /// <param name="from">The sender for bounces; empty for the null reverse-path <c>&lt;&gt;</c>.</param>
    /// <param name="recipients">At least one recipient; duplicates (compared case-insensitively) are sent once.</param>
    /// <exception cref="ArgumentException">An address is empty or holds a space, a control character, '&lt;' or '&gt;'.</exception>
    public SmtpEnvelope(string from, IEnumerable<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(recipients);
        if (from.Length > 0) Check(from, nameof(from));
        var list = recipients.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (list.Length == 0) throw new ArgumentException("An envelope needs at least one recipient.", nameof(recipients));
        foreach (var recipient in list) Check(recipient, nameof(recipients));
        From = from;
        Recipients = list;
    }

    /// <summary>The reverse-path; empty for <c>&lt;&gt;</c>.</summary>
    public string From { get; }

    public IReadOnlyList<string> Recipients { get; }

    /// <summary>
    /// The message's header section carries raw UTF-8 (RFC 6532), so it needs SMTPUTF8 like a non-ASCII
    /// address does. Set it when the header section is not pure ASCII.
    /// </summary>
    public bool Utf8Headers { get; init; }

    /// <summary>Whether MAIL FROM must carry the SMTPUTF8 parameter (RFC 6531 section 3.4).</summary>
    public bool RequiresSmtpUtf8 => Utf8Headers || !Ascii.IsValid(From) || Recipients.Any(recipient => !Ascii.IsValid(recipient));

    public override string ToString() => $"<{From}> -> {string.Join(", ", Recipients.Select(recipient => $"<{recipient}>"))}";

    private static void Check(string address, string parameter)
    {
        if (address.Length == 0 || address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>'))
            throw new ArgumentException($"'{address}' is not a usable SMTP address (RFC 5321 section 4.1.2).", parameter);
    }
}
