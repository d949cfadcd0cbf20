using System.Security.Cryptography;
using System.Text;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// How a message is written: the top-level entity (whose copied fields are the message's header fields), the
/// fields the server adds, and the random token its boundaries are made from, chosen once so every write of the
/// message yields the same bytes.
/// </summary>
internal sealed class MessagePlan
{
    private const int TokenLength = 24;
    private const int TokenAttempts = 8;
    private static readonly string TokenAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private MessagePlan(MimeEntity body, IReadOnlyList<string> addedFields, string boundaryToken)
    {
        Body = body;
        AddedFields = addedFields;
        BoundaryToken = boundaryToken;
    }

    public MimeEntity Body { get; }

    /// <summary>Whole header lines ("Name: value" CRLF) written after the copied fields.</summary>
    public IReadOnlyList<string> AddedFields { get; }

    public string BoundaryToken { get; }

    /// <summary>
    /// A plan for <paramref name="body"/>. When the writer lays out multiparts it draws a random token and checks
    /// that no copied byte range and no copied header field contains it, drawing again in the (practically
    /// impossible) case one does, so a boundary can never occur in the content (RFC 2046 section 5.1.1).
    /// </summary>
    public static async Task<MessagePlan> CreateAsync(MimeEntity body, IReadOnlyList<string> addedFields, CancellationToken cancellationToken)
    {
        var entities = body.SelfAndDescendants().ToList();
        if (!entities.OfType<MultipartEntity>().Any()) return new MessagePlan(body, addedFields, string.Empty);
        for (var attempt = 0; attempt < TokenAttempts; attempt++)
        {
            var token = RandomNumberGenerator.GetString(TokenAlphabet, TokenLength);
            var marker = Encoding.ASCII.GetBytes(token);
            if (!await OccursAsync(entities, marker, cancellationToken).ConfigureAwait(false)) return new MessagePlan(body, addedFields, token);
        }

        throw new InvalidOperationException("No boundary could be found that the message's content does not contain.");
    }

    /// <summary>
    /// Writes the message. For <see cref="OutgoingCopy.Delivery"/> the Bcc field is left out: RFC 5322 section
    /// 3.6.3 keeps Bcc recipients from the other recipients, and MS-OXCMAIL 2.1.3.1.1.2 says a MIME writer must
    /// not copy Bcc recipients into a message for SMTP and should into one served over IMAP4 (the Sent Items copy).
    /// </summary>
    public async Task WriteAsync(Stream destination, OutgoingCopy copy, CancellationToken cancellationToken)
    {
        var output = new MimeOutput(destination);
        foreach (var field in Body.Fields)
        {
            if (copy == OutgoingCopy.Delivery && field.Name.Equals("Bcc", StringComparison.OrdinalIgnoreCase)) continue;
            output.WriteField(field);
        }

        foreach (var line in AddedFields) output.Write(line);
        Body.WriteOwnFields(output, BoundaryToken);
        output.WriteCrlf();
        await output.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        await Body.WriteBodyAsync(output, BoundaryToken, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> OccursAsync(List<MimeEntity> entities, byte[] marker, CancellationToken cancellationToken)
    {
        foreach (var entity in entities)
        {
            if (entity.Fields.Any(f => f.RawBytes.Span.IndexOf(marker) >= 0)) return true;
            foreach (var range in entity.CopiedRanges())
            {
                var scan = await range.Source.ScanAsync(range.Offset, range.Length, marker, cancellationToken).ConfigureAwait(false);
                if (scan.ContainsMarker) return true;
            }
        }

        return false;
    }
}
