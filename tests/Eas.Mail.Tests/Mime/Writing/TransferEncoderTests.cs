using System.Text;
using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>The text encoders: exact output for the rules of RFC 2045 sections 6.7 and 6.8, and round trips through the reader's decoders.</summary>
public sealed class TransferEncoderTests
{
    [Theory]
    [InlineData("a=b", "a=3Db")]
    [InlineData("trailing blank \r\nnext", "trailing blank=20\r\nnext")]
    [InlineData("tab\t", "tab=09")]
    [InlineData("--boundary\r\n-x\r\n.\r\n", "=2D-boundary\r\n=2Dx\r\n=2E\r\n")]
    [InlineData("caf\u00e9", "caf=C3=A9")]
    [InlineData("bare\nfeed\rreturn", "bare\r\nfeed\r\nreturn")]
    public async Task Quoted_printable_follows_the_rules(string text, string encoded)
    {
        (await EncodeAsync(text, TransferEncoding.QuotedPrintable)).ShouldBe(encoded);
    }

    [Fact]
    public async Task Quoted_printable_cuts_long_lines_with_soft_breaks_of_at_most_76_characters()
    {
        var text = new string('x', 200) + " " + new string('\u00e9', 40);

        var encoded = await EncodeAsync(text, TransferEncoding.QuotedPrintable);

        encoded.Split("\r\n").ShouldAllBe(line => line.Length <= 76);
        encoded.Split("\r\n")[..^1].ShouldAllBe(line => line.EndsWith('='));
        (await DecodeAsync(encoded, TransferEncoding.QuotedPrintable)).ShouldBe(text);
    }

    [Fact]
    public async Task Base64_lines_are_76_characters()
    {
        var text = string.Concat(Enumerable.Repeat("日本語のテキスト", 40));

        var encoded = await EncodeAsync(text, TransferEncoding.Base64);

        encoded.Split("\r\n")[..^1].ShouldAllBe(line => line.Length == 76);
        (await DecodeAsync(encoded, TransferEncoding.Base64)).ShouldBe(text);
    }

    [Fact]
    public void The_shorter_encoding_is_chosen()
    {
        TextPartEncoder.Choose(["Hello, café au lait".AsMemory()]).ShouldBe(TransferEncoding.QuotedPrintable);
        TextPartEncoder.Choose(["こんにちは、世界".AsMemory()]).ShouldBe(TransferEncoding.Base64);
    }

    [Fact]
    public async Task Random_texts_round_trip_and_never_contain_a_boundary_start()
    {
        var random = new Random(2045);
        const string alphabet = "ab =-.\t\r\n\u00e9\u20ac\U0001F600_?";
        for (var run = 0; run < 200; run++)
        {
            var runes = Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet.EnumerateRunes().ElementAt(random.Next(alphabet.EnumerateRunes().Count())));
            var text = string.Concat(runes.Select(r => r.ToString()));
            var canonical = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n");
            foreach (var encoding in new[] { TransferEncoding.QuotedPrintable, TransferEncoding.Base64 })
            {
                var encoded = await EncodeAsync(text, encoding);
                encoded.ShouldNotContain("=_");
                encoded.Split("\r\n").ShouldAllBe(line => line.Length <= 76 && !line.StartsWith("--") && !line.EndsWith(' ') && !line.EndsWith('\t'));
                (await DecodeAsync(encoded, encoding)).ShouldBe(canonical, $"{encoding}: {Escape(text)}");
            }
        }
    }

    [Fact]
    public async Task Pieces_are_joined_without_losing_a_line_break_or_a_character_split_between_them()
    {
        var emoji = "\U0001F600";
        var output = new MemoryStream();
        var writer = new MimeOutput(output);
        ReadOnlyMemory<char>[] pieces = ["one\r".AsMemory(), "\ntwo ".AsMemory(), emoji.AsMemory(0, 1), emoji.AsMemory(1, 1), "\r\n".AsMemory()];

        await TextPartEncoder.WriteAsync(writer, pieces, TransferEncoding.QuotedPrintable, default);
        await writer.FlushAsync(default);

        Encoding.ASCII.GetString(output.ToArray()).ShouldBe("one\r\ntwo =F0=9F=98=80\r\n");
    }

    private static async Task<string> EncodeAsync(string text, TransferEncoding encoding)
    {
        var output = new MemoryStream();
        var writer = new MimeOutput(output);
        await TextPartEncoder.WriteAsync(writer, [text.AsMemory()], encoding, default);
        await writer.FlushAsync(default);
        return Encoding.ASCII.GetString(output.ToArray());
    }

    private static async Task<string> DecodeAsync(string encoded, TransferEncoding encoding)
    {
        await using var decoded = TransferEncodings.CreateDecodingStream(new MemoryStream(Encoding.ASCII.GetBytes(encoded)), encoding);
        using var bytes = new MemoryStream();
        await decoded.CopyToAsync(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
}
