using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Reading;
using Eas.Actors.Tests.Sync.Email.Reading;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>
/// The body paths of every protocol version over the encoding and charset rows of <see cref="PooledPartReaderTests"/>
/// (plus NULs and empty bodies), each message read and encoded as a Sync does: the ApplicationData's bytes are hashed
/// and compared with the hashes the string-based body path produced (BodyGolden.txt, written by the code at 0afb6f6).
/// </summary>
internal static class BodyGoldenCases
{
    private static readonly DateTimeOffset Received = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The requests: a name, the options, and the reader's byte limit as Sync derives it.</summary>
    public static IReadOnlyList<(string Name, EmailEncodingOptions Options, long? MaxBodyBytes)> Requests { get; } =
    [
        ("v120-plain-whole", Options(ProtocolVersion.V120, [new BodyPreference(BodyType.PlainText)]), null),
        ("v120-plain-1000", Options(ProtocolVersion.V120, [new BodyPreference(BodyType.PlainText) { TruncationSize = 1000 }]), 1000),
        ("v121-plain-7", Options(ProtocolVersion.V121, [new BodyPreference(BodyType.PlainText) { TruncationSize = 7 }]), 7),
        ("v140-plain-4099-preview", Options(ProtocolVersion.V140, [new BodyPreference(BodyType.PlainText) { TruncationSize = 4099, Preview = 255 }]), 4099),
        ("v140-html-whole-preview", Options(ProtocolVersion.V140, [new BodyPreference(BodyType.Html) { Preview = 40 }]), null),
        ("v141-html-777-part-501", Options(ProtocolVersion.V141, [new BodyPreference(BodyType.Html) { TruncationSize = 777 }], [new BodyPreference(BodyType.Html) { TruncationSize = 501, Preview = 100 }]), 777),
        ("v160-html-allornone", Options(ProtocolVersion.V160, [new BodyPreference(BodyType.Html) { TruncationSize = 5, AllOrNone = true }, new BodyPreference(BodyType.PlainText)]), null),
        ("v161-html-65", Options(ProtocolVersion.V161, [new BodyPreference(BodyType.Html) { TruncationSize = 65 }]), 65),
        ("v161-rtf-1000", Options(ProtocolVersion.V161, [new BodyPreference(BodyType.Rtf) { TruncationSize = 1000 }]), 1000),
        ("v25-whole", Options(ProtocolVersion.V25, []), null),
        ("v25-code1", Options(ProtocolVersion.V25, [], truncation: 1), null),
        ("v25-code4-read3000", Options(ProtocolVersion.V25, [], truncation: 4), 3000),
    ];

    /// <summary>The message kinds each row is sent in.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["plain", "html", "mixed"];

    /// <summary>(transfer encoding, charset, decoded bytes) rows: the pooled reader's, then NULs and empty bodies.</summary>
    public static IReadOnlyList<(string Encoding, string Charset, byte[] Text)> Rows { get; } =
    [
        .. PooledPartReaderTests.Parts().Select(row => ((string)row[0], (string)row[1], (byte[])row[2])),
        ("8bit", "utf-8", "a\0b Grüße\0"u8.ToArray()),
        ("base64", "utf-8", "\0"u8.ToArray()),
        ("7bit", "utf-8", []),
        ("base64", "iso-8859-1", []),
    ];

    /// <summary>The id of one case, as the golden file names it.</summary>
    public static string Id(string request, string kind, int row) => $"{request}/{kind}/{row}";

    /// <summary>The first 16 hex digits of the SHA-256 of the case's encoded ApplicationData.</summary>
    public static async Task<string> HashAsync(int request, string kind, int row)
    {
        var (_, options, max) = Requests[request];
        var (encoding, charset, text) = Rows[row];
        var item = await StoredMessageReader.ReadAsync(
            new MemoryStream(Message(kind, encoding, charset, text)), [], Received, new EmailContentRequest(max, WantHtml: true, WantMime: false), CancellationToken.None);
        var bytes = WbxmlWriter.Encode(EmailApplicationData.Build(item, options));
        return Convert.ToHexString(SHA256.HashData(bytes))[..16];
    }

    private static EmailEncodingOptions Options(ProtocolVersion version, ImmutableArray<BodyPreference> preferences, ImmutableArray<BodyPreference> parts = default, int? truncation = null) =>
        new(version, HtmlToText.Convert) { BodyPreferences = preferences, BodyPartPreferences = parts.IsDefault ? [] : parts, Truncation = truncation };

    private static byte[] Message(string kind, string encoding, string charset, byte[] text)
    {
        var label = charset.Length > 0 ? "; charset=" + charset : string.Empty;
        var part = Concat(Ascii($"Content-Type: text/{(kind == "html" ? "html" : "plain")}{label}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"), Encode(encoding, text));
        var header = Ascii("From: a@example.com\r\nTo: b@example.com\r\nSubject: golden\r\nDate: Sun, 6 Dec 2026 10:00:00 +0000\r\nMessage-ID: <golden@example.com>\r\nMIME-Version: 1.0\r\n");
        if (kind != "mixed") return Concat(header, part);
        var html = Ascii("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        return Concat(
            header, Ascii("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"), part,
            Ascii("\r\n--b1\r\n"), html, "<p>Grüße &amp; <b>x</b></p>\r\n"u8.ToArray(), Ascii("--b1--\r\n"));
    }

    private static byte[] Encode(string encoding, byte[] text) => encoding switch
    {
        "base64" => Ascii(Convert.ToBase64String(text, Base64FormattingOptions.InsertLineBreaks) + "\r\n"),
        "quoted-printable" => Encode(new MimeKit.Encodings.QuotedPrintableEncoder(), text),
        "x-uuencode" => Encode(new MimeKit.Encodings.UUEncoder(), text),
        _ => text,
    };

    private static byte[] Encode(MimeKit.Encodings.IMimeEncoder encoder, byte[] data)
    {
        var output = new byte[encoder.EstimateOutputLength(data.Length) + 64];
        var length = encoder.Flush(data, 0, data.Length, output);
        return output[..length];
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
