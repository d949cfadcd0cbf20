using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Writes airsyncbase:Body for 12.0+ (MS-ASAIRS 2.2.2.9): Type, EstimatedDataSize, Truncated, Data, Preview,
/// in that order. Which body goes out follows the client's BodyPreference elements (MS-ASAIRS 2.2.2.12):
/// <list type="number">
/// <item>MIME (type 4) when the client listed type 4 and MIMESupport allows it for this message
/// (MS-ASCMD 2.2.3.110.3 asks for both).</item>
/// <item>Otherwise the listed text type that matches the message's native type (MS-ASAIRS 2.2.2.3.2: by default
/// the server answers with the type matching the native format), else the first listed text type. HTML asked
/// of a text-only message is sent as plain text, type 1; text asked of an HTML-only message is the HTML
/// converted by the caller. RTF (type 3) is made from the plain text (<see cref="RtfText"/>), so a client that asks
/// for it gets type 3, its Data the RTF in base64 (MS-ASAIRS 2.2.2.20.1); after the native type, the listed types
/// keep the client's order.</item>
/// <item>MIME that MIMESupport forbids (MS-ASCMD 2.2.3.110.1: 0 "Never send MIME data", 1 "Send regular body for all
/// other messages") is not sent: when nothing else is listed its limits go to plain text, the regular body; no
/// preference at all gets whole plain text.</item>
/// </list>
/// Data is a string (MS-ASAIRS 2.2.2.20.1) for every type: a MIME body's bytes go out as they are in an inline string
/// (<see cref="WbxmlElement.WithStringBytes"/>, a NUL byte as a space), and a whole one kept in its buffer streams the
/// same way (<see cref="WbxmlWriter.WriteString(BinaryContent)"/>). Those bytes are UTF-8 already: a stored message that
/// is not comes as its 7-bit form (<see cref="Reading.StoredMessageReader"/>), whose size EstimatedDataSize gives and
/// which TruncationSize cuts.
/// TruncationSize counts UTF-8 bytes and cuts on a character boundary (MS-ASAIRS 2.2.2.40.2). With AllOrNone
/// (2.2.2.3.2), a body larger than TruncationSize is not sent truncated: the server moves to the next listed
/// preference that can be sent whole, and when none can, sends the first one's Type, EstimatedDataSize and
/// Truncated with no Data.
/// A MIME body sent whole from a message kept in its buffer (<see cref="EmailMime.Source"/>) is not copied into the
/// element: the element has no Data and the source comes back beside it, for the response to write in Data's place.
/// </summary>
internal static class EmailBodyWriter
{
    /// <summary>The Body element, and the MIME source that is its Data when that streams (else null).</summary>
    public static (WbxmlElement Body, BinaryContent? StreamedData) Write(EmailItem item, EmailEncodingOptions options)
    {
        Rendered? first = null;
        foreach (var (source, preference) in Plan(item, options))
        {
            var rendered = Render(source, preference, options);
            first ??= rendered;
            if (!rendered.Withheld) return (Build(rendered, item, options), rendered.Streamed);
        }

        return (Build(first!, item, options), first!.Streamed);
    }

    private static List<(EmailBodySource Source, BodyPreference? Preference)> Plan(EmailItem item, EmailEncodingOptions options)
    {
        var preferences = options.BodyPreferences.IsDefault ? [] : options.BodyPreferences;
        var plan = new List<(EmailBodySource, BodyPreference?)>();
        if (preferences.IsEmpty)
        {
            plan.Add((EmailBodySource.PlainText(item, options), null));
            return plan;
        }

        var mime = preferences.FirstOrDefault(p => p.Type == BodyType.Mime);
        if (mime is not null && EmailBodySource.MimeAllowed(item, options)) plan.Add((EmailBodySource.Mime(item.Mime!), mime));

        var text = preferences.Where(p => p.Type is BodyType.PlainText or BodyType.Html or BodyType.Rtf).ToList();
        var native = text.FirstOrDefault(p => p.Type == EmailBodySource.NativeType(item));
        if (native is not null) text.Remove(native);
        foreach (var preference in native is null ? text : text.Prepend(native))
        {
            var source = preference.Type switch
            {
                BodyType.Html => EmailBodySource.HtmlOrText(item, options),
                BodyType.Rtf => EmailBodySource.Rtf(item, options),
                _ => EmailBodySource.PlainText(item, options),
            };
            plan.Add((source, preference));
        }

        if (plan.Count == 0) plan.Add((EmailBodySource.PlainText(item, options), preferences[0]));
        return plan;
    }

    private static Rendered Render(EmailBodySource source, BodyPreference? preference, EmailEncodingOptions options)
    {
        var limit = preference?.TruncationSize;
        if (source.Type == BodyType.Mime && limit is null) limit = LegacyTruncation.MimeLimit(options.MimeTruncation);
        var allOrNone = preference is { AllOrNone: true, TruncationSize: not null };
        if (allOrNone && (source.FullSize > limit || !source.IsComplete))
            return new Rendered(source, preference, Withheld: true, Truncated: true, null, null);

        if (source.Type == BodyType.Mime)
        {
            if (source.Source is { Length: > 0 } whole && (limit is null || limit >= source.FullSize))
                return new Rendered(source, preference, false, false, null, null) { Streamed = whole };
            var bytes = TextTruncation.BytePrefix(source.Bytes, limit);
            return new Rendered(source, preference, false, !(source.IsComplete && bytes.Length == source.Bytes.Length), null, bytes);
        }

        // A UTF-8 text cut at a byte is backed off to the start of its character; RTF's base64 is cut on a 4-character group.
        var text = source.Type == BodyType.Rtf ? RtfText.Base64Prefix(source.Bytes, limit) : TextTruncation.BytePrefix(source.Bytes, limit);
        return new Rendered(source, preference, false, !(source.IsComplete && text.Length == source.Bytes.Length), text, null);
    }

    private static WbxmlElement Build(Rendered body, EmailItem item, EmailEncodingOptions options)
    {
        var element = new WbxmlElement(AirSyncBase.Body);
        element.Add(EmailElements.Number(AirSyncBase.Type, (long)body.Source.Type));
        element.Add(EmailElements.Number(AirSyncBase.EstimatedDataSize, body.Source.FullSize));
        element.Add(EmailElements.Boolean(AirSyncBase.Truncated, body.Truncated));
        var hasData = body.Text is { Length: > 0 } || body.Bytes is { Length: > 0 } || body.Streamed is not null;
        if (!body.Withheld && (hasData || !body.Truncated) && body.Streamed is null)
            element.Add(body.Bytes is { } bytes ? WbxmlElement.WithStringBytes(AirSyncBase.Data, bytes) : WbxmlElement.WithUtf8Text(AirSyncBase.Data, body.Text ?? default));

        // MS-ASAIRS 2.2.2.35.1: no Preview beside plain text Data, which already is the preview.
        if (EmailVersionRules.AllowsPreview(options.Version) && body.Preference?.Preview is > 0 and var length
            && !(body.Source.Type == BodyType.PlainText && hasData))
            element.AddText(AirSyncBase.Preview, Preview(EmailBodySource.PlainText(item, options).Bytes.Span, length));
        return element;
    }

    /// <summary>
    /// The first <paramref name="length"/> characters of the UTF-8 text with runs of white space folded to one space:
    /// what <see cref="Preview(string, int)"/> gives for the decoded text, decoding only as much as the preview takes.
    /// </summary>
    internal static string Preview(ReadOnlySpan<byte> utf8, int length)
    {
        var builder = new StringBuilder(Math.Min(utf8.Length, length + 1));
        Span<char> chars = stackalloc char[2];
        var space = false;
        while (!utf8.IsEmpty && builder.Length <= length)
        {
            Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
            utf8 = utf8[consumed..];
            if (Rune.IsWhiteSpace(rune))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(chars[..rune.EncodeToUtf16(chars)]);
        }

        return TextTruncation.CharPrefix(builder.ToString(), length);
    }

    /// <summary>The first <paramref name="length"/> characters of the text with runs of white space folded to one space.</summary>
    internal static string Preview(string text, int length)
    {
        var builder = new StringBuilder(Math.Min(text.Length, length + 1));
        var space = false;
        foreach (var c in text)
        {
            if (builder.Length > length) break;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        return TextTruncation.CharPrefix(builder.ToString(), length);
    }

    /// <summary>A body as it goes out: Text is a text body's Data as UTF-8 (types 1, 2 and 3, NULs dropped when written), Bytes a MIME body's (NULs written as spaces).</summary>
    private sealed record Rendered(EmailBodySource Source, BodyPreference? Preference, bool Withheld, bool Truncated, ReadOnlyMemory<byte>? Text, ReadOnlyMemory<byte>? Bytes)
    {
        /// <summary>The whole MIME message, sent from its buffer as this body's Data.</summary>
        public BinaryContent? Streamed { get; init; }
    }
}
