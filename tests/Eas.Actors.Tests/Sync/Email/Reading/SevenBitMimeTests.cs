using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Reading;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using MimeKit;
using MimeKit.Cryptography;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using AirSyncBase = Eas.Wire.CodePages.AirSyncBase;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>
/// MIME sent as a WBXML string must be UTF-8 (MS-ASAIRS 2.2.2.20.1): a stored message with raw bytes in another
/// charset goes as its 7-bit form (<see cref="SevenBitMime"/>), with the same text; one that is UTF-8 goes byte for
/// byte. Sync, ItemOperations and 2.5 MIMEData all take the MIME from <see cref="StoredMessageReader"/>, and sizes and
/// truncation apply to the form that goes out.
/// </summary>
public sealed class SevenBitMimeTests
{
    private const string Text = "Un café crème, s'il vous plaît.";

    private static readonly byte[] Latin1Message = Encoding.Latin1.GetBytes(
        "From: Zoé <zoe@example.com>\r\nTo: anna@example.com\r\nSubject: Café\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + Text + "\r\n");

    private static readonly byte[] Utf8Message = Encoding.UTF8.GetBytes(
        "From: Zoé <zoe@example.com>\r\nTo: anna@example.com\r\nSubject: Café\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + Text + "\r\n");

    private static async Task<byte[]> SevenBitAsync(byte[] message)
    {
        using var output = new MemoryStream();
        await SevenBitMime.WriteAsync(new MemoryStream(message), output, CancellationToken.None);
        return output.ToArray();
    }

    private static MimeMessage Parse(ReadOnlySpan<byte> bytes) => MimeMessage.Load(new MemoryStream(bytes.ToArray()));

    private static Task<EmailItem> ReadAsync(byte[] message, long? prefix = null, Stream? buffer = null) =>
        StoredMessageReader.ReadAsync(buffer ?? new MemoryStream(message), [], DateTimeOffset.UnixEpoch,
            new EmailContentRequest(null, WantHtml: true, WantMime: true) { MimePrefixBytes = prefix }, CancellationToken.None);

    [Fact]
    public async Task A_latin1_8bit_text_part_becomes_quoted_printable_with_the_same_text()
    {
        var written = await SevenBitAsync(Latin1Message);

        Ascii.IsValid(written).ShouldBeTrue();
        var parsed = Parse(written);
        var part = parsed.Body.ShouldBeOfType<TextPart>();
        part.ContentTransferEncoding.ShouldBe(ContentEncoding.QuotedPrintable);
        part.ContentType.Charset.ShouldBe("iso-8859-1");
        parsed.TextBody.ShouldNotBeNull().TrimEnd().ShouldBe(Text);
    }

    [Fact]
    public async Task A_re_encoded_text_part_keeps_its_lines_with_crlf_on_the_wire()
    {
        var lines = string.Concat(Enumerable.Repeat(Text + "\r\n", 3));
        var message = Encoding.Latin1.GetBytes(
            "From: a@example.com\r\nSubject: Lines\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + lines);

        var written = await SevenBitAsync(message);

        Encoding.ASCII.GetString(written).Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
        // MimeKit's quoted-printable decoder gives a hard line break (CRLF, RFC 2045 6.7) as "\n"; the lines are the same.
        Parse(written).TextBody.ShouldNotBeNull().ReplaceLineEndings("\n").ShouldBe(lines.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Header_fields_in_latin1_become_encoded_words_with_the_same_text()
    {
        var parsed = Parse(await SevenBitAsync(Latin1Message));

        parsed.Subject.ShouldBe("Café");
        parsed.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Zoé");
        parsed.From.Mailboxes.Single().Address.ShouldBe("zoe@example.com");
        parsed.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("anna@example.com");
    }

    [Fact]
    public async Task Binary_attachment_bytes_become_base64_and_decode_to_the_same_bytes()
    {
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).Where(b => b is not (0 or 10 or 13)).ToArray();
        var head = Encoding.ASCII.GetBytes(
            "From: a@example.com\r\nSubject: Bin\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
            "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=x.bin\r\nContent-Transfer-Encoding: binary\r\n\r\n");
        var message = head.Concat(payload).Concat("\r\n--b--\r\n"u8.ToArray()).ToArray();

        var parsed = Parse(await SevenBitAsync(message));

        var attachment = parsed.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        attachment.ContentTransferEncoding.ShouldBe(ContentEncoding.Base64);
        using var decoded = new MemoryStream();
        attachment.Content.ShouldNotBeNull().DecodeTo(decoded);
        decoded.ToArray().ShouldBe(payload);
        parsed.TextBody.ShouldNotBeNull().TrimEnd().ShouldBe("See attached.");
    }

    [Fact]
    public async Task Raw_8bit_bytes_in_a_quoted_printable_part_are_encoded_with_the_same_text()
    {
        var message = Encoding.Latin1.GetBytes(
            "From: a@example.com\r\nSubject: Broken\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nUn caf=E9 crème\r\n");

        var written = await SevenBitAsync(message);

        Ascii.IsValid(written).ShouldBeTrue();
        Parse(written).TextBody.ShouldNotBeNull().TrimEnd().ShouldBe("Un café crème");
    }

    [Fact]
    public async Task Signed_content_with_latin1_bytes_is_re_encoded_too()
    {
        var message = Encoding.Latin1.GetBytes(
            "From: a@example.com\r\nSubject: Signed\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=s\r\n\r\n" +
            "--s\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + Text + "\r\n" +
            "--s\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\r\n" +
            "--s--\r\n");

        var written = await SevenBitAsync(message);

        Ascii.IsValid(written).ShouldBeTrue();
        var signed = Parse(written).Body.ShouldBeAssignableTo<MultipartSigned>().ShouldNotBeNull();
        var content = signed[0].ShouldBeOfType<TextPart>();
        content.ContentTransferEncoding.ShouldBe(ContentEncoding.QuotedPrintable);
        content.Text.TrimEnd().ShouldBe(Text);
        signed[1].ShouldBeOfType<ApplicationPkcs7Signature>().ContentTransferEncoding.ShouldBe(ContentEncoding.Base64);
    }

    [Fact]
    public async Task Utf8_mime_is_kept_byte_for_byte_and_its_buffer_handed_over()
    {
        var buffer = new MemoryStream(Utf8Message);

        var synced = await ReadAsync(Utf8Message);
        var fetched = await ReadAsync(Utf8Message, prefix: 0, buffer: buffer);

        synced.Mime!.Data.ToArray().ShouldBe(Utf8Message);
        fetched.Mime!.Source!.Stream.ShouldBeSameAs(buffer);
        fetched.Mime.Size.ShouldBe(Utf8Message.Length);
    }

    [Fact]
    public async Task A_latin1_message_read_for_sync_has_its_7bit_form_as_mime()
    {
        var item = await ReadAsync(Latin1Message);

        var mime = item.Mime.ShouldNotBeNull();
        Ascii.IsValid(mime.Data.Span).ShouldBeTrue();
        mime.Size.ShouldBe(mime.Data.Length);
        mime.Data.ToArray().ShouldBe(await SevenBitAsync(Latin1Message));
        Parse(mime.Data.Span).TextBody.ShouldNotBeNull().TrimEnd().ShouldBe(Text);
        item.PlainText!.Text.TrimEnd().ShouldBe(Text);
        item.Subject.ShouldBe("Café");
    }

    [Fact]
    public async Task A_latin1_message_fetched_whole_streams_its_7bit_form_and_the_stored_buffer_is_disposed()
    {
        var buffer = new MemoryStream(Latin1Message);

        var item = await ReadAsync(Latin1Message, prefix: 0, buffer: buffer);

        buffer.CanRead.ShouldBeFalse();
        var source = item.Mime!.Source.ShouldNotBeNull();
        source.Stream.ShouldNotBeSameAs(buffer);
        item.Mime.Size.ShouldBe(source.Length);
        using var copy = new MemoryStream();
        await source.CopyToAsync(copy, CancellationToken.None);
        copy.ToArray().ShouldBe(await SevenBitAsync(Latin1Message));
        source.Dispose();
    }

    [Fact]
    public async Task Type_4_truncation_cuts_the_7bit_form()
    {
        var sevenBit = await SevenBitAsync(Latin1Message);
        var item = await ReadAsync(Latin1Message);
        var options = Options(ProtocolVersion.V141, new BodyPreference(BodyType.Mime) { TruncationSize = 60 }) with { MimeSupport = SyncMimeSupport.Always };

        var body = Child(EmailApplicationData.Build(item, options), AirSyncBase.Body);

        body.ValueOf(AirSyncBase.Type).ShouldBe("4");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe(sevenBit.Length.ToString(CultureInfo.InvariantCulture));
        Child(body, AirSyncBase.Data).RawValue.ToArray().ShouldBe(sevenBit[..60]);
    }

    [Fact]
    public async Task Mime_data_of_2_5_is_the_7bit_form()
    {
        var sevenBit = await SevenBitAsync(Latin1Message);
        var item = await ReadAsync(Latin1Message);

        var data = EmailApplicationData.Build(item, Options(ProtocolVersion.V25) with { MimeSupport = SyncMimeSupport.Always });

        var mimeData = Child(data, EmailPage.MIMEData).RawValue;
        Utf8.IsValid(mimeData.Span).ShouldBeTrue();
        mimeData.ToArray().ShouldBe(sevenBit);
        data.ValueOf(EmailPage.MIMESize).ShouldBe(sevenBit.Length.ToString(CultureInfo.InvariantCulture));
        Parse(mimeData.Span).TextBody.ShouldNotBeNull().TrimEnd().ShouldBe(Text);
    }
}
