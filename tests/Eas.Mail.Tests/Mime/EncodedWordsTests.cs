using Eas.Mail.Mime;

namespace Eas.Mail.Tests.Mime;

/// <summary>RFC 2047 encoded-words, including the forms of the examples in its section 8 (written anew here).</summary>
public sealed class EncodedWordsTests
{
    [Theory]
    [InlineData("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard")]
    [InlineData("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore")]
    [InlineData("=?utf-8?B?Q2Fmw6k=?=", "Café")]
    [InlineData("=?utf-8?b?Q2Fmw6k?=", "Café")]
    [InlineData("=?UTF-8?q?caf=c3=a9?=", "café")]
    [InlineData("=?iso-8859-15?q?=A4uro?=", "€uro")]
    [InlineData("=?koi8-r?B?8NLJ18XU?=", "Привет")]
    [InlineData("=?utf-8?q??=", "")]
    public void Single_words_decode_in_their_charset(string text, string expected) =>
        EncodedWords.DecodeText(text).ShouldBe(expected);

    [Theory]
    [InlineData("(=?ISO-8859-1?Q?a?=)", "(a)")]
    [InlineData("(=?ISO-8859-1?Q?a?= b)", "(a b)")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a?=\t =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a_b?=)", "(a b)")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)")]
    public void White_space_between_adjacent_words_is_dropped_as_in_section_8(string text, string expected) =>
        EncodedWords.DecodeText(text).ShouldBe(expected);

    [Fact]
    public void White_space_next_to_ordinary_text_is_kept()
    {
        EncodedWords.DecodeText("Re: =?utf-8?q?caf=C3=A9?= today").ShouldBe("Re: café today");
    }

    [Fact]
    public void A_character_split_across_two_words_is_joined_before_decoding()
    {
        // "é" is C3 A9 in UTF-8; one mailer put C3 in the first word and A9 in the second.
        EncodedWords.DecodeText("=?utf-8?Q?caf=C3?= =?UTF-8?Q?=A9?=").ShouldBe("café");
        EncodedWords.DecodeText("=?utf-8?B?w6nD?= =?utf-8?B?qQ==?=").ShouldBe("éé");
        // Shift_JIS "日本" (93 FA 96 7B) split after the first byte, across B and Q words.
        EncodedWords.DecodeText("=?shift_jis?B?kw==?= =?shift_jis?Q?=FA=96{?=").ShouldBe("日本");
    }

    [Fact]
    public void A_language_suffix_on_the_charset_is_ignored()
    {
        EncodedWords.DecodeText("=?US-ASCII*EN?Q?Keith_Moore?=").ShouldBe("Keith Moore");
        EncodedWords.DecodeText("=?utf-8*en?Q?a?= =?UTF-8*fr?Q?b?=").ShouldBe("ab");
    }

    [Theory]
    [InlineData("=?utf-8?q?no end")]
    [InlineData("=?utf-8?x?abc?=")]
    [InlineData("=??q?abc?=")]
    [InlineData("=?utf-8?q?has space?=")]
    [InlineData("=?utf-8?b?not*base64?=")]
    [InlineData("=?utf 8?q?abc?=")]
    [InlineData("=?utf-8?q")]
    [InlineData("=?")]
    public void Malformed_words_are_left_as_they_are(string text) =>
        EncodedWords.DecodeText(text).ShouldBe(text);

    [Fact]
    public void Bad_Q_escapes_pass_through_and_unknown_charsets_fall_back()
    {
        EncodedWords.DecodeText("=?utf-8?q?100=25_=ZZ_=4?=").ShouldBe("100% =ZZ =4");
        EncodedWords.DecodeText("=?x-unknown?q?caf=C3=A9?=").ShouldBe("café");
        EncodedWords.DecodeText("=?x-unknown?q?caf=E9?=").ShouldBe("café");
    }

    [Fact]
    public void Words_glued_to_text_are_decoded_as_mail_clients_do()
    {
        EncodedWords.DecodeText("Re:=?utf-8?q?caf=C3=A9?=!").ShouldBe("Re:café!");
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("Grüße aus Köln")]
    [InlineData("日本語のとても長い件名です。日本語のとても長い件名です。日本語のとても長い件名です。")]
    [InlineData("emoji 😀 and =? marker")]
    public void Encoding_round_trips_and_keeps_words_short(string text)
    {
        var encoded = EncodedWords.Encode(text);

        EncodedWords.DecodeText(encoded).ShouldBe(text);
        encoded.Split(' ').ShouldAllBe(word => word.Length <= 75);
        if (text == "plain ascii") encoded.ShouldBe(text);
    }
}
