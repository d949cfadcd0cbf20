using System.Buffers;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Wbxml;

public sealed class WbxmlWriterTests
{
    [Fact]
    public void Writes_empty_elements_without_the_content_bit_and_switches_pages_only_when_needed()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(buffer);
        writer.StartElement(AirSync.Sync);
        writer.WriteEmptyElement(AirSync.GetChanges);
        writer.StartElement(AirSyncBase.BodyPreference);
        writer.WriteElementInt(AirSyncBase.Type, 2);
        writer.WriteElementString(AirSyncBase.TruncationSize, "");
        writer.EndElement();
        writer.WriteElementString(AirSync.SyncKey, "a\0b");
        writer.EndElement();
        writer.Finish();

        Hex.Of(buffer.WrittenSpan).ShouldBe(Hex.Of(Hex.Bytes(
            "03 01 6A 00 45 13 00 11 45 46 03 32 00 01 07 01 00 00 4B 03 61 62 00 01 01")));
    }

    [Fact]
    public void String_bytes_go_out_as_an_inline_string_with_a_nul_written_as_a_space()
    {
        var bytes = new byte[] { (byte)'a', 0, (byte)'b' };
        var element = WbxmlElement.WithStringBytes(AirSyncBase.Data, bytes);

        // AirSyncBase page 17: Data (0x0B | content) STR_I "a b" NUL END; the caller's bytes are left alone.
        Hex.Of(WbxmlWriter.Encode(element)).ShouldBe(Hex.Of(Hex.Bytes("03 01 6A 00 00 11 4B 03 61 20 62 00 01")));
        element.ValueKind.ShouldBe(WbxmlValueKind.Text);
        bytes[1].ShouldBe((byte)0);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("Grüße, 日本, 🙂")]
    [InlineData("lone \uD800 surrogate")]
    [InlineData("a\0b")]
    [InlineData("")]
    public void A_composed_text_is_written_as_its_utf8_bytes_were(string text)
    {
        var element = WbxmlElement.WithText(Email.Subject, text);
        var expected = System.Text.Encoding.UTF8.GetBytes(text.Replace("\0", "", StringComparison.Ordinal));

        var decoded = WbxmlDocument.Parse(WbxmlWriter.Encode(WbxmlElement.WithChildren(AirSync.ApplicationData, element)));

        (decoded.FirstChild?.RawValue.ToArray() ?? []).ShouldBe(expected);
        element.RawValue.ToArray().ShouldBe(expected);
        element.Text.ShouldBe(System.Text.Encoding.UTF8.GetString(expected));
    }

    [Fact]
    public void A_text_longer_than_the_estimate_threshold_is_written_whole()
    {
        var text = string.Concat(Enumerable.Repeat("Grüße 🙂 ", 2_000));
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(buffer);
        writer.WriteElement(WbxmlElement.WithText(Email.Subject, text));
        writer.Finish();

        WbxmlDocument.Parse(buffer.WrittenSpan.ToArray()).Text.ShouldBe(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    [InlineData("\0")]
    [InlineData("Grüße \0日本😀\0")]
    public void Utf8_text_encodes_as_the_same_text_given_as_a_string_with_its_nuls_dropped(string text)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);

        var fromBytes = WbxmlElement.WithUtf8Text(AirSyncBase.Data, utf8);

        Hex.Of(WbxmlWriter.Encode(fromBytes)).ShouldBe(Hex.Of(WbxmlWriter.Encode(WbxmlElement.WithText(AirSyncBase.Data, text))));
        fromBytes.Text.ShouldBe(text.Replace("\0", "", StringComparison.Ordinal));
        utf8.ShouldBe(System.Text.Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Utf8_text_without_a_nul_is_carried_without_a_copy()
    {
        var utf8 = "no nul here"u8.ToArray();

        var element = WbxmlElement.WithUtf8Text(AirSyncBase.Data, utf8.AsMemory(3));

        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(element.RawValue, out var segment).ShouldBeTrue();
        segment.Array.ShouldBeSameAs(utf8);
        segment.Offset.ShouldBe(3);
    }

    [Fact]
    public void Refuses_unknown_tags_and_unbalanced_use()
    {
        var writer = new WbxmlWriter(new ArrayBufferWriter<byte>());
        Should.Throw<ArgumentOutOfRangeException>(() => writer.StartElement(0x003F));
        Should.Throw<InvalidOperationException>(() => writer.EndElement());
        Should.Throw<InvalidOperationException>(() => writer.WriteString("x"));
        writer.StartElement(AirSync.Sync);
        Should.Throw<InvalidOperationException>(() => writer.Finish());
    }

    [Fact]
    public void Writes_long_opaque_lengths_as_multi_byte_integers()
    {
        var doc = WbxmlElement.WithChildren(AirSync.Sync, WbxmlElement.WithOpaque(AirSync.SyncKey, new byte[300]));
        var bytes = WbxmlWriter.Encode(doc);

        Hex.Of(bytes.AsSpan(4, 5)).ShouldBe("454BC3822C");
        WbxmlDocument.Parse(bytes).Element(AirSync.SyncKey)!.RawValue.Length.ShouldBe(300);
    }
}
