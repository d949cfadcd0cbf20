using System.Buffers;
using System.Text;
using Eas.Mail.Smtp;

namespace Eas.Mail.Tests.Smtp;

public sealed class SmtpDataEncoderTests
{
    [Theory]
    [InlineData("", ".\r\n")]
    [InlineData("a", "a\r\n.\r\n")]
    [InlineData("a\r\n", "a\r\n.\r\n")]
    [InlineData(".", "..\r\n.\r\n")]
    [InlineData(".\r\n", "..\r\n.\r\n")]
    [InlineData("a\n.b\n", "a\r\n..b\r\n.\r\n")]
    [InlineData("a\r.b", "a\r\n..b\r\n.\r\n")]
    [InlineData("a\r\r\nb", "a\r\n\r\nb\r\n.\r\n")]
    [InlineData("\n\n", "\r\n\r\n.\r\n")]
    [InlineData("x.y\r\n..z\r\n", "x.y\r\n...z\r\n.\r\n")]
    [InlineData("a\r", "a\r\n.\r\n")]
    public void Lines_end_in_crlf_and_leading_dots_are_doubled(string input, string expected)
    {
        Encode(Encoding.UTF8.GetBytes(input), chunk: int.MaxValue).ShouldBe(expected);
    }

    /// <summary>A CR at the end of one chunk and its LF at the start of the next, or a dot at a chunk start, must not change anything.</summary>
    [Fact]
    public void Any_chunking_gives_the_same_stream()
    {
        var input = Encoding.UTF8.GetBytes("Subject: x\r\n.one\n..two\r\rthree\r\n.\r\nfour.\r\n\r\n.five");
        var whole = Encode(input, chunk: int.MaxValue);

        for (var chunk = 1; chunk <= input.Length; chunk++) Encode(input, chunk).ShouldBe(whole, $"chunk size {chunk}");
    }

    [Fact]
    public void Eight_bit_octets_pass_unchanged()
    {
        var input = new byte[] { 0xC3, 0xBC, 0x0A, 0x2E, 0xFF };
        var output = new ArrayBufferWriter<byte>();
        var encoder = new SmtpDataEncoder();

        encoder.Encode(input, output);
        encoder.Finish(output);

        output.WrittenSpan.ToArray().ShouldBe(new byte[] { 0xC3, 0xBC, 0x0D, 0x0A, 0x2E, 0x2E, 0xFF, 0x0D, 0x0A, 0x2E, 0x0D, 0x0A });
    }

    private static string Encode(byte[] input, int chunk)
    {
        var output = new ArrayBufferWriter<byte>();
        var encoder = new SmtpDataEncoder();
        for (var offset = 0; offset < input.Length; offset += chunk)
            encoder.Encode(input.AsSpan(offset, Math.Min(chunk, input.Length - offset)), output);
        encoder.Finish(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
