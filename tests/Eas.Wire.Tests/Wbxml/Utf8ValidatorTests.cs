using System.Text;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Wbxml;

/// <summary>
/// The streaming UTF-8 check gives the answer <see cref="System.Text.Unicode.Utf8.IsValid(ReadOnlySpan{byte})"/> gives
/// for the whole input, wherever the chunks are cut: inside a 2, 3 or 4-byte sequence, one byte at a time, and with
/// an invalid sequence split across chunks.
/// </summary>
public sealed class Utf8ValidatorTests
{
    private static readonly byte[] Mixed = Encoding.UTF8.GetBytes("café, 5 €, 😀 and ASCII\r\n");

    public static TheoryData<string, string> Inputs() => new()
    {
        { "mixed UTF-8", Convert.ToHexString(Mixed) },
        { "ISO-8859-1 café", "636166E9" },
        { "lead byte at the end", "6361C3" },
        { "3-byte sequence missing its last byte", "E282" },
        { "4-byte sequence missing its last byte", "F09F98" },
        { "lead then ASCII", "E24161" },
        { "overlong 2-byte", "C0AF" },
        { "overlong 3-byte", "E080AF" },
        { "UTF-16 surrogate", "EDA080" },
        { "beyond U+10FFFF", "F4908080" },
        { "lone continuation", "4180" },
        { "continuation after a whole sequence", "C3A980" },
        { "byte FF", "41FF41" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_split_into_two_chunks_agrees_with_the_whole_check(string name, string hex)
    {
        var bytes = Convert.FromHexString(hex);
        var expected = System.Text.Unicode.Utf8.IsValid(bytes);

        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var validator = default(Utf8Validator);
            validator.Append(bytes.AsSpan(0, cut));
            validator.Append(bytes.AsSpan(cut));
            validator.IsValid.ShouldBe(expected, $"{name}, cut at {cut}");
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void One_byte_chunks_agree_with_the_whole_check(string name, string hex)
    {
        var bytes = Convert.FromHexString(hex);
        var validator = default(Utf8Validator);
        foreach (var b in bytes) validator.Append([b]);

        validator.IsValid.ShouldBe(System.Text.Unicode.Utf8.IsValid(bytes), name);
    }

    [Fact]
    public void A_sequence_split_over_three_chunks_is_whole()
    {
        var validator = default(Utf8Validator);

        validator.Append([0x41, 0xF0]).ShouldBeTrue();
        validator.Append([0x9F]).ShouldBeTrue();
        validator.IsValid.ShouldBeFalse();
        validator.Append([0x98, 0x80, 0x41]).ShouldBeTrue();
        validator.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void An_invalid_byte_stays_invalid_whatever_follows()
    {
        var validator = default(Utf8Validator);

        // "café " in ISO-8859-1: 0xE9 leads a 3-byte sequence, and the space cannot continue it.
        validator.Append([0x63, 0x61, 0x66, 0xE9, 0x20]).ShouldBeFalse();
        validator.Append("valid"u8).ShouldBeFalse();
        validator.IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task A_stream_longer_than_one_read_is_checked_to_its_end()
    {
        // 200 000 bytes of "é" put sequences across the 64 KiB read boundaries; the Latin-1 byte is near the end.
        var text = Encoding.UTF8.GetBytes(new string('é', 100_000));
        (await Utf8Validator.IsValidAsync(new MemoryStream(text), CancellationToken.None)).ShouldBeTrue();

        var broken = text.Append((byte)0xE9).Concat("tail"u8.ToArray()).ToArray();
        (await Utf8Validator.IsValidAsync(new MemoryStream(broken), CancellationToken.None)).ShouldBeFalse();

        var unfinished = text.Append((byte)0xC3).ToArray();
        (await Utf8Validator.IsValidAsync(new MemoryStream(unfinished), CancellationToken.None)).ShouldBeFalse();
    }
}
