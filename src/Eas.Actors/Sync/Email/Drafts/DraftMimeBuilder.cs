using System.Text;
using Eas.Actors.Sync.Email.Reading;
using Eas.Wire.Commands;
using MimeKit;
using MimeKit.Utils;

namespace Eas.Actors.Sync.Email.Drafts;

/// <summary>
/// Builds the RFC 5322 message a draft is stored as: From (the account), Date, Message-ID, To, Cc, Bcc (kept in a
/// draft, as in a Sent Items copy, MS-OXCMAIL 2.1.3.1.1.2), Subject and Importance; the body as one text/plain or
/// text/html part in UTF-8; with attachments, a multipart/mixed of the body and then each attachment (base64, with
/// its file name, and its Content-ID for an inline one). A Change starts from the stored draft: what the phone sent
/// replaces the draft's field, what it left out stays (MS-ASCMD 2.2.3.24), attachments it deleted go, those it added
/// come after the ones kept, so the kept ones keep their order.
/// </summary>
public static class DraftMimeBuilder
{
    /// <param name="fields">What the phone sent.</param>
    /// <param name="existing">The stored draft for a Change; null for an Add. Its kept parts move into the new message.</param>
    /// <param name="partOfReference">The IMAP part number a FileReference names in <paramref name="existing"/>, or null when it names no part of it.</param>
    /// <param name="accountAddress">The account's address, the From of a new draft.</param>
    /// <param name="now">The draft's Date.</param>
    /// <exception cref="DraftRejectedException">An address list cannot be read, or a Delete names no attachment of the draft.</exception>
    public static DraftMime Build(DraftFields fields, MimeMessage? existing, Func<string, string?> partOfReference, string accountAddress, DateTimeOffset now)
    {
        var message = new MimeMessage();
        if (existing?.From.Count > 0) message.From.AddRange(existing.From);
        else if (MailboxAddress.TryParse(accountAddress, out var from)) message.From.Add(from);
        message.Date = now;
        message.MessageId = existing?.MessageId ?? MimeUtils.GenerateMessageId(Sending.Compose.Addresses.DomainOf(accountAddress) ?? "localhost");
        SetAddresses(message.To, fields.To, existing?.To);
        SetAddresses(message.Cc, fields.Cc, existing?.Cc);
        SetAddresses(message.Bcc, fields.Bcc, existing?.Bcc);
        message.Subject = fields.Subject ?? existing?.Subject ?? "";
        if ((fields.Importance ?? ImportanceOf(existing)) is { } importance) message.Importance = (MessageImportance)(int)importance;

        var (body, keptParts) = existing is null ? (null, []) : Existing(existing);
        var kept = Kept(keptParts, existing, fields.DeletedAttachments, partOfReference);
        var bodyPart = fields.Body is { } sent ? TextPartOf(sent) : body ?? TextPartOf(new DraftBody(BodyType.PlainText, ""));
        var added = fields.AddedAttachments.Select(a => (a.ClientId, (MimeEntity)PartOf(a))).ToList();
        if (kept.Count == 0 && added.Count == 0) message.Body = bodyPart;
        else
        {
            var mixed = new Multipart("mixed") { bodyPart };
            foreach (var part in kept) mixed.Add(part);
            foreach (var (_, part) in added) mixed.Add(part);
            message.Body = mixed;
        }

        return new DraftMime(message, added, Renumbered(existing, message, kept));
    }

    /// <summary>Each kept attachment's IMAP part number in <paramref name="existing"/> and in <paramref name="message"/> (<see cref="ImapPartNumbers"/>).</summary>
    private static Dictionary<string, string> Renumbered(MimeMessage? existing, MimeMessage message, List<MimePart> kept)
    {
        if (existing is null || kept.Count == 0) return [];
        var before = ImapPartNumbers.Assign(existing);
        var after = ImapPartNumbers.Assign(message);
        return kept.Where(p => before.ContainsKey(p) && after.ContainsKey(p)).ToDictionary(p => before[p], p => after[p], StringComparer.Ordinal);
    }

    private static void SetAddresses(InternetAddressList target, string? sent, InternetAddressList? stored)
    {
        if (sent is null)
        {
            if (stored is not null) target.AddRange(stored);
            return;
        }

        if (sent.Trim().Length == 0) return;
        if (!InternetAddressList.TryParse(ParserOptions.Default, sent, out var parsed))
            throw new DraftRejectedException(DraftRejection.Unreadable, $"'{sent}' is not a list of addresses (RFC 5322 section 3.4)");
        target.AddRange(parsed);
    }

    private static Eas.Actors.Sync.Email.EmailImportance? ImportanceOf(MimeMessage? existing) =>
        existing is null || !existing.Headers.Contains(HeaderId.Importance) ? null : (Eas.Actors.Sync.Email.EmailImportance)(int)existing.Importance;

    /// <summary>The stored draft's body (its HTML, else its text) and its attachment parts: parts with a disposition, a file name or a Content-ID.</summary>
    private static (MimeEntity? Body, List<MimePart> Attachments) Existing(MimeMessage existing)
    {
        MimeEntity? body = existing.HtmlBody is { } html ? TextPartOf(new DraftBody(BodyType.Html, html))
            : existing.TextBody is { } text ? TextPartOf(new DraftBody(BodyType.PlainText, text))
            : null;
        var attachments = existing.BodyParts.OfType<MimePart>()
            .Where(p => p.IsAttachment || p.FileName is not null || (p.ContentId is not null && p is not TextPart))
            .ToList();
        return (body, attachments);
    }

    /// <summary>The stored attachments minus those deleted; a Delete that names none of them is refused (MS-ASAIRS 2.2.2.21).</summary>
    private static List<MimePart> Kept(List<MimePart> stored, MimeMessage? existing, IReadOnlyList<string> deleted, Func<string, string?> partOfReference)
    {
        if (deleted.Count == 0) return stored;
        var numbers = existing is null ? [] : ImapPartNumbers.Assign(existing);
        var gone = new HashSet<MimePart>(ReferenceEqualityComparer.Instance);
        foreach (var reference in deleted)
        {
            var part = partOfReference(reference);
            var match = part is null ? null : stored.FirstOrDefault(p => numbers.TryGetValue(p, out var number) && number == part);
            if (match is null) throw new DraftRejectedException(DraftRejection.UnknownAttachment, $"the draft has no attachment '{reference}'");
            gone.Add(match);
        }

        return [.. stored.Where(p => !gone.Contains(p))];
    }

    private static TextPart TextPartOf(DraftBody body)
    {
        var part = new TextPart(body.Type == BodyType.Html ? "html" : "plain") { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, body.Text);
        return part;
    }

    private static MimePart PartOf(DraftAttachment attachment)
    {
        var type = attachment.ContentType is { } given && ContentType.TryParse(given, out var parsed) ? parsed
            : ContentType.Parse(MimeTypes.GetMimeType(attachment.DisplayName ?? "file.bin"));
        var part = new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(attachment.Content.ToArray(), writable: false)),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentDisposition = new ContentDisposition(attachment.IsInline ? ContentDisposition.Inline : ContentDisposition.Attachment),
        };
        if (attachment.DisplayName is { Length: > 0 } name) part.FileName = name;
        if (attachment.IsInline && attachment.ContentId is { Length: > 0 } contentId) part.ContentId = contentId.Trim('<', '>');
        if (attachment.ContentLocation is { } location && Uri.TryCreate(location, UriKind.RelativeOrAbsolute, out var uri)) part.ContentLocation = uri;
        return part;
    }
}
