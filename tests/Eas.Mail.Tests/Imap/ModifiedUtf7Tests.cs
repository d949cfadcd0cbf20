using Eas.Mail.Imap;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Mail.Tests.Imap;

public sealed class ModifiedUtf7Tests
{
    [Theory]
    [InlineData("INBOX", "INBOX")]
    [InlineData("Entwürfe", "Entw&APw-rfe")]
    [InlineData("日本語", "&ZeVnLIqe-")]
    [InlineData("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-")]
    [InlineData("Tom & Jerry", "Tom &- Jerry")]
    [InlineData("&", "&-")]
    [InlineData("Gesendete Objekte", "Gesendete Objekte")]
    [InlineData("Корзина", "&BBoEPgRABDcEOAQ9BDA-")]
    [InlineData("a😀b", "a&2D3eAA-b")]
    [InlineData("", "")]
    public void Encodes_and_decodes_as_rfc_3501_section_5_1_3(string name, string encoded)
    {
        ModifiedUtf7.Encode(name).ShouldBe(encoded);
        ModifiedUtf7.Decode(encoded).ShouldBe(name);
    }

    [Theory]
    [InlineData("&Jjo!")]
    [InlineData("&U,BTFw")]
    [InlineData("&AGE-")]
    [InlineData("&2D3-")]
    [InlineData("&3gA-")]
    [InlineData("&APw")]
    [InlineData("&A-")]
    [InlineData("&AP-")]
    [InlineData("&APx-")]
    [InlineData("Entwürfe")]
    [InlineData("tab\there")]
    [InlineData("&AP/-")]
    public void Decoding_rejects_what_is_not_modified_utf7(string encoded)
    {
        ModifiedUtf7.TryDecode(encoded, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => ModifiedUtf7.Decode(encoded));
    }

    [Fact]
    public void Any_valid_text_round_trips()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            if (text is null || HasUnpairedSurrogate(text)) return true;
            var encoded = ModifiedUtf7.Encode(text);
            return encoded.All(c => c is >= '\x20' and <= '\x7E') && ModifiedUtf7.Decode(encoded) == text;
        }));
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }

        return false;
    }
}
