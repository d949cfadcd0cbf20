namespace Eas.Mail.Mime.Writing;

/// <summary>
/// The SMTP envelope recipients of a submitted message (RFC 5321 section 3.3 RCPT): every mailbox of To, Cc and
/// Bcc (RFC 5322 section 3.6.3), group members included (section 3.4), each address once. Addresses compare
/// without regard to case: RFC 5321 section 2.4 lets a local part be case-sensitive, but no mail system
/// treats "Ann@x" and "ann@x" as two people, and sending twice to one inbox is the worse mistake.
/// </summary>
internal static class EnvelopeRecipients
{
    /// <summary>
    /// The distinct addresses, in field order. Throws <see cref="MimeFormatException"/> for a mailbox without a
    /// usable address ("To: Bob"), for none at all, and for more than <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<string> Collect(MessageEnvelope envelope, int max)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var (field, mailboxes) in new[] { ("To", envelope.To), ("Cc", envelope.Cc), ("Bcc", envelope.Bcc) })
        {
            foreach (var mailbox in mailboxes)
            {
                if (!IsAddress(mailbox.Address))
                    throw new MimeFormatException($"The {field} field holds \"{mailbox.Format()}\", which is not an address");
                if (!seen.Add(mailbox.Address)) continue;
                if (result.Count == max) throw new MimeFormatException($"The message has more than {max} recipients");
                result.Add(mailbox.Address);
            }
        }

        if (result.Count == 0) throw new MessageHasNoRecipientsException();
        return result;
    }

    /// <summary>Whether <paramref name="address"/> is "local@domain" with both sides present and no blank or control.</summary>
    public static bool IsAddress(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1 && !address.Any(c => c <= ' ' || c == 127) && !address.AsSpan(at + 1).Contains('"');
    }
}
