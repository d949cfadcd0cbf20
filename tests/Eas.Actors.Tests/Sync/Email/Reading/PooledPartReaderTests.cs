using System.Text;
using Eas.Actors.Sync.Email.Reading;
using MimeKit;
using static Eas.Actors.Tests.Sync.Email.Reading.ReadingTestData;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>
/// The pooled body decoder gives the characters the StreamReader over MimeKit's decoded content gave before it
/// (RFC 2045 section 6 transfer encodings, section 5.1 charsets), chunk boundaries and broken input included, and
/// hands the parts that need byte order mark handling back to the StreamReader.
/// </summary>
public sealed class PooledPartReaderTests
{
    /// <summary>Text that crosses the 4,096-byte read chunk inside multi-byte characters, in every charset family used below.</summary>
    private static readonly string LongText = string.Concat(Enumerable.Range(0, 700).Select(i => $"Zeile {i}: Grüße, €{i % 10} 日本\r\n"));

    public static TheoryData<string, string, byte[]> Parts()
    {
        var data = new TheoryData<string, string, byte[]>();
        var utf8 = Encoding.UTF8.GetBytes(LongText);
        foreach (var encoding in new[] { "7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode" })
        {
            data.Add(encoding, "utf-8", utf8);
            data.Add(encoding, "us-ascii", utf8);
            data.Add(encoding, "", [0x47, 0x72, 0xFC, 0xDF, 0x65, 0x0D, 0x0A, .. utf8[..5000]]);
            data.Add(encoding, "iso-8859-1", [0x47, 0x72, 0xFC, 0xDF, 0x65, 0x80]);
            data.Add(encoding, "shift_jis", [0x93, 0xFA, 0x96, 0x7B]);
            data.Add(encoding, "iso-2022-jp", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42]);
            data.Add(encoding, "utf-8", [0x61, 0xC3, 0x28, 0x62, 0xE2, 0x82]);
            data.Add(encoding, "x-unknown", [0x61, 0xE2, 0x82]);
            data.Add(encoding, "utf-7", [0x48, 0x69, 0x20, 0x2B, 0x41, 0x4F, 0x6B, 0x2D]);
            data.Add(encoding, "utf-8", [0x41]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task RFC_2045_6_a_text_part_decodes_to_the_same_characters_as_a_stream_reader_over_the_decoded_content(string transferEncoding, string charset, byte[] text)
    {
        var part = Part(transferEncoding, charset, text);
        var expected = await ReadAllAsync(DecodedBodyTestAccess.StreamText(part));

        using var pooled = await PooledPartReader.TryOpenAsync(part.Content!, BodyCharsets.For(part.ContentType), CancellationToken.None);

        pooled.ShouldNotBeNull();
        (await ReadAllAsync(pooled)).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Parts))]
    public void RFC_2045_6_the_blocking_reader_gives_the_same_characters_char_by_char_and_in_blocks(string transferEncoding, string charset, byte[] text)
    {
        var part = Part(transferEncoding, charset, text);
        var expected = DecodedBodyTestAccess.StreamText(part).ReadToEnd();

        using (var byChar = PooledPartReader.TryOpen(part.Content!, BodyCharsets.For(part.ContentType))!)
        {
            var builder = new StringBuilder();
            while (byChar.Peek() >= 0) builder.Append((char)byChar.Read());
            builder.ToString().ShouldBe(expected);
        }

        using var inBlocks = PooledPartReader.TryOpen(part.Content!, BodyCharsets.For(part.ContentType))!;
        inBlocks.ReadToEnd().ShouldBe(expected);
    }

    [Theory]
    [InlineData("utf-8", new byte[] { 0xEF, 0xBB, 0xBF, 0x41 })]
    [InlineData("utf-8", new byte[] { 0xFF, 0xFE, 0x41, 0x00 })]
    [InlineData("iso-8859-1", new byte[] { 0xFE, 0xFF, 0x00, 0x41 })]
    [InlineData("x-unknown", new byte[] { 0x00, 0x00, 0xFE, 0xFF })]
    [InlineData("utf-16", new byte[] { 0xFF, 0xFE, 0x41, 0x00 })]
    public void MS_ASAIRS_2_2_2_20_a_part_that_may_start_with_a_byte_order_mark_is_left_to_the_stream_reader(string charset, byte[] text)
    {
        var part = Part("7bit", charset, text);
        var encoding = BodyCharsets.For(part.ContentType);

        var pooled = encoding.Preamble.Length > 0 ? null : PooledPartReader.TryOpen(part.Content!, encoding);

        pooled.ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_20_a_byte_order_mark_is_still_dropped_from_the_body()
    {
        var message = Crlf("Content-Type: text/plain; charset=utf-8\n\n").Concat(new byte[] { 0xEF, 0xBB, 0xBF }).Concat("Hallo"u8.ToArray()).ToArray();

        (await ReadAsync(message)).PlainText!.Text.ShouldBe("Hallo");
    }

    [Fact]
    public async Task Parsers_taken_from_the_pool_in_turn_leave_each_message_its_own_content()
    {
        var first = await LoadAsync("Content-Type: text/plain\n\nfirst body\n");
        var second = await LoadAsync("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nc2Vjb25kIGJvZHk=\n");

        using var firstText = await DecodedBody.DecodeAsync(first.Message.Body!, null, BodyViews.Plain, CancellationToken.None);
        using var secondText = await DecodedBody.DecodeAsync(second.Message.Body!, null, BodyViews.Plain, CancellationToken.None);

        Encoding.UTF8.GetString(firstText.View(html: false).Kept).ShouldBe("first body\r\n");
        Encoding.UTF8.GetString(secondText.View(html: false).Kept).ShouldBe("second body");
    }

    [Fact]
    public async Task A_message_with_no_header_still_fails_to_parse_and_the_pool_goes_on()
    {
        await Should.ThrowAsync<FormatException>(() => StoredMessage.LoadAsync(new MemoryStream(), CancellationToken.None));

        (await ReadAsync("Subject: after\n\nbody\n")).Subject.ShouldBe("after");
    }

    private static MimePart Part(string transferEncoding, string charset, byte[] text)
    {
        var encoded = transferEncoding switch
        {
            "base64" => Encoding.ASCII.GetBytes(Convert.ToBase64String(text, Base64FormattingOptions.InsertLineBreaks) + "\r\n"),
            "quoted-printable" => Encode(new MimeKit.Encodings.QuotedPrintableEncoder(), text),
            "x-uuencode" => Encode(new MimeKit.Encodings.UUEncoder(), text),
            _ => text,
        };
        var header = Crlf($"Content-Type: text/plain{(charset.Length > 0 ? "; charset=" + charset : string.Empty)}\nContent-Transfer-Encoding: {transferEncoding}\n\n");
        var message = MimeMessage.Load(new MemoryStream([.. header, .. encoded]), persistent: true);
        return (MimePart)message.Body!;
    }

    private static byte[] Encode(MimeKit.Encodings.IMimeEncoder encoder, byte[] data)
    {
        var output = new byte[encoder.EstimateOutputLength(data.Length) + 64];
        var length = encoder.Flush(data, 0, data.Length, output);
        return output[..length];
    }

    private static async Task<string> ReadAllAsync(TextReader reader)
    {
        var builder = new StringBuilder();
        var chunk = new char[1000];
        int read;
        while ((read = await reader.ReadAsync(chunk.AsMemory())) > 0) builder.Append(chunk, 0, read);
        return builder.ToString();
    }
}

/// <summary>The StreamReader the body decoder used for every part before, and still uses for some.</summary>
internal static class DecodedBodyTestAccess
{
    public static TextReader StreamText(MimePart part) => DecodedBody.OpenStreamText(part, part.Content!.Stream!.Length);
}
