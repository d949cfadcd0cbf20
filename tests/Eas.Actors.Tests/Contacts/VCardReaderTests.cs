using System.Text;
using Eas.Actors.Sync.Contacts;
using static Eas.Actors.Tests.Contacts.VCardTestText;

namespace Eas.Actors.Tests.Contacts;

/// <summary>The vCard reader: RFC 6350 3.2-3.4 and 5 (4.0), RFC 2426 (3.0) and the 2.1 forms still written.</summary>
public sealed class VCardReaderTests
{
    [Fact]
    public void RFC6350_3_2_lines_unfold_after_CRLF_or_LF_and_one_space_or_tab()
    {
        var card = VCardReader.Read("BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:one \r\n two\n\tthree\r\nFN:x\nEND:VCARD\n");
        card.First("NOTE")!.Text.ShouldBe("one twothree");
        card.First("FN")!.Text.ShouldBe("x");
    }

    [Fact]
    public void RFC6350_3_3_groups_names_in_any_case_and_parameters()
    {
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:4.0",
            "item1.tel;type=\"work,voice\";PREF=1;X-LABEL=\"a:b;c\",plain:+1 555",
            "item1.X-ABLabel:_$!<Assistant>!$_", "END:VCARD"));
        var tel = card.First("TEL")!;
        tel.Group.ShouldBe("item1");
        tel.Types.ShouldBe(["work", "voice"]);
        tel.Parameter("PREF").ShouldBe("1");
        tel.Parameters.Single(p => p.Name == "X-LABEL").Values.ShouldBe(["a:b;c", "plain"]);
        tel.Value.ShouldBe("+1 555");
    }

    [Fact]
    public void RFC2426_4_bare_parameters_are_types_or_the_encoding()
    {
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:2.1", "TEL;WORK;VOICE:+1 555", "PHOTO;BASE64;JPEG:AAAA", "END:VCARD"));
        card.First("TEL")!.Types.ShouldBe(["work", "voice"]);
        card.First("PHOTO")!.Parameter("ENCODING").ShouldBe("BASE64");
    }

    [Fact]
    public void RFC6868_caret_escapes_in_parameter_values()
    {
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:4.0", "ADR;LABEL=\"1 Main^nSpringfield ^'IL^' ^^\":;;1 Main;;;;", "END:VCARD"));
        card.First("ADR")!.Parameter("LABEL").ShouldBe("1 Main\nSpringfield \"IL\" ^");
    }

    [Fact]
    public void RFC6350_3_4_value_escapes_and_structured_components()
    {
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:4.0", "N:O\\;Brien;Se\\,an;;;", "NOTE:a\\nb\\Nc\\\\d\\,e\\;f", "CATEGORIES:x\\,y,z", "END:VCARD"));
        card.First("N")!.Components.ShouldBe(["O;Brien", "Se,an", "", "", ""]);
        card.First("NOTE")!.Text.ShouldBe("a\nb\nc\\d,e;f");
        card.First("CATEGORIES")!.ListValues.ShouldBe(["x,y", "z"]);
    }

    [Fact]
    public void RFC2426_quoted_printable_with_soft_breaks_in_windows_1252()
    {
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:2.1",
            "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:Caf=E9 for 5 =80=0D=0A=",
            "second line", "FN:x", "END:VCARD"));
        var note = card.First("NOTE")!;
        note.Text.ShouldBe("Café for 5 €\nsecond line");
        note.Parameters.ShouldBeEmpty();
        card.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("=C3=A9t=C3=A9", "été")]
    [InlineData("=E9t=E9", "été")]
    public void An_unknown_charset_reads_as_UTF_8_else_ISO_8859_1_with_a_warning(string encoded, string expected)
    {
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:3.0", $"FN;CHARSET=x-klingon;ENCODING=QUOTED-PRINTABLE:{encoded}", "END:VCARD"));
        card.First("FN")!.Text.ShouldBe(expected);
        card.Warnings.ShouldHaveSingleItem().ShouldContain("x-klingon");
    }

    [Fact]
    public void Several_vCards_in_one_text_the_first_is_read()
    {
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:3.0", "FN:First", "END:VCARD", "BEGIN:VCARD", "VERSION:3.0", "FN:Second", "END:VCARD"));
        card.All("FN").ShouldHaveSingleItem().Text.ShouldBe("First");
    }

    [Fact]
    public void Broken_lines_are_skipped_with_a_warning_and_the_rest_is_read()
    {
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:4.0", "this line has no colon", "BAD NAME:x", "TEL;TYPE=\"unterminated:+1", "FN:Anna", "END:VCARD"));
        card.First("FN")!.Text.ShouldBe("Anna");
        card.Warnings.Length.ShouldBe(3);
    }

    [Fact]
    public void A_text_without_a_vCard_or_without_anything_usable_is_refused()
    {
        Should.Throw<VCardFormatException>(() => VCardReader.Read("hello"));
        Should.Throw<VCardFormatException>(() => VCardReader.Read(Crlf("BEGIN:VCARD", "garbage", "END:VCARD")));
    }

    [Fact]
    public void A_text_over_2_MiB_is_refused()
    {
        var text = Crlf("BEGIN:VCARD", "VERSION:4.0", "NOTE:" + new string('a', VCardReader.MaxTextLength), "END:VCARD");
        Should.Throw<VCardFormatException>(() => VCardReader.Read(text)).Message.ShouldContain("characters");
    }

    [Fact]
    public void A_line_over_1_MiB_a_huge_photo_is_skipped_and_the_rest_is_read()
    {
        var photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + string.Concat(Enumerable.Repeat("/9j/4AAQ", VCardReader.MaxLineLength / 8 + 1));
        var folded = string.Join("\r\n ", photo.Chunk(74).Select(c => new string(c)));
        var card = VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:3.0", "FN:Anna", folded, "TEL:+1", "END:VCARD"));
        card.First("PHOTO").ShouldBeNull();
        card.First("TEL")!.Value.ShouldBe("+1");
        card.Warnings.ShouldHaveSingleItem().ShouldContain("skipped");
    }

    [Fact]
    public void Code_page_encodings_resolve_through_System_Text_Encoding()
    {
        var bytes = Encoding.GetEncoding("windows-1252").GetBytes("Müller");
        var qp = string.Concat(bytes.Select(b => $"={b:X2}"));
        VCardReader.Read(Crlf("BEGIN:VCARD", "VERSION:2.1", $"N;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:{qp};Jörg", "END:VCARD"))
            .First("N")!.Components[0].ShouldBe("Müller");
    }
}
