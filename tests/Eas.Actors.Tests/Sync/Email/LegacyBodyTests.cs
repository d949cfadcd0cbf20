using Eas.Actors.Sync.Email;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>The 2.5 body forms: email:Body with the Truncation codes, and email:MIMEData.</summary>
public sealed class LegacyBodyTests
{
    private static readonly string LongText = new('x', 200_000);

    private static WbxmlElement Encode(EmailItem item, int? truncation = null, SyncMimeSupport mime = SyncMimeSupport.Never, int? mimeTruncation = null) =>
        EmailApplicationData.Build(item, Options(ProtocolVersion.V25) with { Truncation = truncation, MimeSupport = mime, MimeTruncation = mimeTruncation });

    private static EmailItem TextItem(string text) => new() { DateReceived = Received, PlainText = EmailBodyText.Complete(text) };

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 512)]
    [InlineData(2, 1024)]
    [InlineData(3, 2048)]
    [InlineData(4, 5120)]
    [InlineData(5, 10240)]
    [InlineData(6, 20480)]
    [InlineData(7, 51200)]
    [InlineData(8, 102400)]
    public void Truncation_codes_cut_the_body_to_their_size(int code, int characters)
    {
        var data = Encode(TextItem(LongText), code);

        (data.ValueOf(EmailPage.Body) ?? string.Empty).Length.ShouldBe(characters);
        data.ValueOf(EmailPage.BodyTruncated).ShouldBe("1");
        data.ValueOf(EmailPage.BodySize).ShouldBe("200000");
    }

    [Fact]
    public void Code_9_and_no_code_send_everything_without_BodySize()
    {
        foreach (var code in new int?[] { 9, null })
        {
            var data = Encode(TextItem(LongText), code);

            data.ValueOf(EmailPage.Body)!.Length.ShouldBe(200_000);
            data.ValueOf(EmailPage.BodyTruncated).ShouldBe("0");
            data.Element(EmailPage.BodySize).ShouldBeNull();
        }
    }

    [Fact]
    public void The_2_5_count_is_in_characters_and_keeps_surrogate_pairs_whole()
    {
        var text = new string('a', 511) + "😀tail";

        var data = Encode(TextItem(text), 1);

        data.ValueOf(EmailPage.Body).ShouldBe(new string('a', 511));
        data.ValueOf(EmailPage.BodySize).ShouldBe(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_html_only_message_gets_the_converted_text()
    {
        var item = new EmailItem { DateReceived = Received, Html = EmailBodyText.Complete("<p>hej</p>") };

        Encode(item).ValueOf(EmailPage.Body).ShouldBe("converted:hej");
    }

    [Fact]
    public void An_unknown_truncation_code_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Encode(TextItem("x"), 10));
    }

    [Theory]
    [InlineData(0, false, false)]
    [InlineData(1, false, false)]
    [InlineData(1, true, true)]
    [InlineData(2, false, true)]
    public void MimeSupport_sends_MIMEData_instead_of_Body(int level, bool smime, bool expectMime)
    {
        var item = FullItem() with { MessageClass = smime ? EmailMessageClass.Smime : EmailMessageClass.Note };

        var data = Encode(item, mime: Mime(level));

        (data.Element(EmailPage.MIMEData) is not null).ShouldBe(expectMime);
        (data.Element(EmailPage.Body) is null).ShouldBe(expectMime);
    }

    [Fact]
    public void MIMEData_carries_the_raw_message_with_its_size_and_truncation()
    {
        var item = FullItem();
        var whole = Encode(item, mime: SyncMimeSupport.Always);
        var cut = Encode(item with { Mime = EmailMime.Complete(new byte[5000]) }, mime: SyncMimeSupport.Always, mimeTruncation: 1);

        // MS-ASEMAIL 2.2.2.50: MIMEData is a string; the zeros of the cut message are NULs, each written as a space.
        Child(whole, EmailPage.MIMEData).ValueKind.ShouldBe(Eas.Wire.Wbxml.WbxmlValueKind.Text);
        Child(whole, EmailPage.MIMEData).RawValue.ToArray().ShouldBe(item.Mime!.Data.ToArray());
        Child(cut, EmailPage.MIMEData).RawValue.ToArray().ShouldAllBe(b => b == (byte)' ');
        whole.ValueOf(EmailPage.MIMETruncated).ShouldBe("0");
        whole.ValueOf(EmailPage.MIMESize).ShouldBe(item.Mime.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Child(cut, EmailPage.MIMEData).RawValue.Length.ShouldBe(4096);
        cut.ValueOf(EmailPage.MIMETruncated).ShouldBe("1");
        cut.ValueOf(EmailPage.MIMESize).ShouldBe("5000");
    }

    [Fact]
    public void MIMETruncation_0_sends_the_size_only()
    {
        var data = Encode(FullItem(), mime: SyncMimeSupport.Always, mimeTruncation: 0);

        data.Element(EmailPage.MIMEData).ShouldBeNull();
        data.ValueOf(EmailPage.MIMETruncated).ShouldBe("1");
    }
}
