using System.Text;
using Eas.Mail.Mime;

namespace Eas.Mail.Tests.Mime;

/// <summary>Base64 and quoted-printable decoding streams (RFC 2045 sections 6.7 and 6.8).</summary>
public sealed class TransferDecodingTests
{
    [Theory]
    [InlineData("SGVsbG8sIHdvcmxkIQ==", "Hello, world!")]
    [InlineData("SGVs\r\nbG8s\r\nIHdv\r\ncmxk\r\nIQ==\r\n", "Hello, world!")]
    [InlineData("SGVsbG8sIHdvcmxkIQ", "Hello, world!")]
    [InlineData("SGVsbG8sIHdvcmxkIQ=", "Hello, world!")]
    [InlineData("  S G V s\tbG8 ", "Hello")]
    [InlineData("SGVs!!bG8*@#", "Hello")]
    [InlineData("SGk=SGk=", "HiHi")]
    [InlineData("SGk=\r\n\r\nSGk=", "HiHi")]
    [InlineData("S", "")]
    [InlineData("", "")]
    [InlineData("====", "")]
    [InlineData("w6k=", "é")]
    public void Base64_is_decoded_tolerantly(string encoded, string expected) =>
        Decode(encoded, TransferEncoding.Base64).ShouldBe(expected);

    [Theory]
    [InlineData("Caf=C3=A9", "Café")]
    [InlineData("caf=c3=a9", "café")]
    [InlineData("soft=\r\nbreak", "softbreak")]
    [InlineData("soft=\nbreak", "softbreak")]
    [InlineData("soft=  \t\r\nbreak", "softbreak")]
    [InlineData("trailing   \r\nblanks\t\r\n", "trailing\r\nblanks\r\n")]
    [InlineData("keep  inner  blanks", "keep  inner  blanks")]
    [InlineData("bad =ZZ escape", "bad =ZZ escape")]
    [InlineData("half =4 escape", "half =4 escape")]
    [InlineData("end =", "end ")]
    [InlineData("end =4", "end =4")]
    [InlineData("a = b", "a = b")]
    [InlineData("100%=3D", "100%=")]
    [InlineData("lone\rcr", "lone\rcr")]
    [InlineData("line\nbare lf", "line\nbare lf")]
    [InlineData("=\r\n", "")]
    public void Quoted_printable_handles_soft_breaks_padding_and_bad_escapes(string encoded, string expected) =>
        Decode(encoded, TransferEncoding.QuotedPrintable).ShouldBe(expected);

    [Fact]
    public void Every_split_of_the_input_decodes_the_same()
    {
        const string qp = "A=C3=A9 =\r\nb  \r\n=ZZ=4\r\nx=\n  end   ";
        const string b64 = "SGVs bG8s\r\nIHdv=cmxkIQ";
        for (var chunk = 1; chunk < 12; chunk++)
        {
            Decode(qp, TransferEncoding.QuotedPrintable, chunk).ShouldBe(Decode(qp, TransferEncoding.QuotedPrintable));
            Decode(b64, TransferEncoding.Base64, chunk).ShouldBe(Decode(b64, TransferEncoding.Base64));
        }
    }

    [Fact]
    public void A_long_run_of_blanks_that_is_not_trailing_is_kept()
    {
        var blanks = new string(' ', 500);

        Decode($"a{blanks}b", TransferEncoding.QuotedPrintable).ShouldBe($"a{blanks}b");
    }

    [Fact]
    public async Task Large_bodies_decode_identically_through_the_async_path()
    {
        var data = new byte[1_000_003];
        new Random(7).NextBytes(data);
        var encoded = Encoding.ASCII.GetBytes(Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks));

        await using var stream = TransferEncodings.CreateDecodingStream(new TrickleStream(encoded, 4093), TransferEncoding.Base64);
        using var output = new MemoryStream();
        await stream.CopyToAsync(output);

        output.ToArray().ShouldBe(data);
    }

    [Theory]
    [InlineData(null, TransferEncoding.SevenBit)]
    [InlineData("BASE64", TransferEncoding.Base64)]
    [InlineData(" Quoted-Printable ", TransferEncoding.QuotedPrintable)]
    [InlineData("8bit (comment)", TransferEncoding.EightBit)]
    [InlineData("binary", TransferEncoding.Binary)]
    [InlineData("\"base64\"", TransferEncoding.Base64)]
    [InlineData("x-uuencode", TransferEncoding.Unknown)]
    [InlineData("", TransferEncoding.SevenBit)]
    public void Encoding_names_are_parsed(string? value, TransferEncoding expected) =>
        TransferEncodings.Parse(value).ShouldBe(expected);

    [Theory]
    [InlineData(TransferEncoding.SevenBit)]
    [InlineData(TransferEncoding.EightBit)]
    [InlineData(TransferEncoding.Binary)]
    [InlineData(TransferEncoding.Unknown)]
    public void Identity_encodings_pass_the_stream_through(TransferEncoding encoding)
    {
        var inner = new MemoryStream([1, 2, 3]);

        TransferEncodings.CreateDecodingStream(inner, encoding).ShouldBeSameAs(inner);
    }

    private static string Decode(string encoded, TransferEncoding encoding, int chunk = int.MaxValue)
    {
        using var stream = TransferEncodings.CreateDecodingStream(new TrickleStream(Encoding.Latin1.GetBytes(encoded), chunk), encoding);
        using var output = new MemoryStream();
        var buffer = new byte[3];
        int read;
        while ((read = stream.Read(buffer)) > 0) output.Write(buffer, 0, read);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
