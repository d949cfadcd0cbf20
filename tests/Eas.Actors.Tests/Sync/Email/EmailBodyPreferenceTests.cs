using System.Text;
using Eas.Actors.Sync.Email;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using AirSyncBase = Eas.Wire.CodePages.AirSyncBase;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>The MS-ASAIRS body rules for 12.0+: type choice, truncation, AllOrNone, Preview, MIME.</summary>
public sealed class EmailBodyPreferenceTests
{
    private static WbxmlElement Body(EmailItem item, EmailEncodingOptions options) =>
        Child(EmailApplicationData.Build(item, options), AirSyncBase.Body);

    private static WbxmlElement Body(EmailItem item, params BodyPreference[] preferences) =>
        Body(item, Options(ProtocolVersion.V141, preferences));

    private static EmailItem TextOnly(string text) => new() { DateReceived = Received, PlainText = EmailBodyText.Complete(text) };

    private static EmailItem HtmlOnly(string html) => new() { DateReceived = Received, Html = EmailBodyText.Complete(html) };

    [Fact]
    public void The_native_type_wins_when_the_client_lists_it()
    {
        var body = Body(FullItem(), new BodyPreference(BodyType.PlainText), new BodyPreference(BodyType.Html));

        body.ValueOf(AirSyncBase.Type).ShouldBe("2");
        body.ValueOf(AirSyncBase.Data).ShouldBe("<p>Hello Björn,</p><p>the numbers are in.</p>");
    }

    [Fact]
    public void Html_asked_of_a_text_only_message_is_sent_as_plain_text()
    {
        var body = Body(TextOnly("just text"), new BodyPreference(BodyType.Html));

        body.ValueOf(AirSyncBase.Type).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data).ShouldBe("just text");
        EmailApplicationData.Build(TextOnly("x"), Options(ProtocolVersion.V141)).ValueOf(AirSyncBase.NativeBodyType).ShouldBe("1");
    }

    [Fact]
    public void Text_asked_of_an_html_only_message_is_the_callers_conversion()
    {
        var body = Body(HtmlOnly("<p>hi</p>"), new BodyPreference(BodyType.PlainText));

        body.ValueOf(AirSyncBase.Type).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data).ShouldBe("converted:hi");
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("12");
    }

    [Fact]
    public void Text_asked_of_a_message_with_both_parts_uses_the_text_part_not_a_conversion()
    {
        var body = Body(FullItem(), new BodyPreference(BodyType.PlainText));

        body.ValueOf(AirSyncBase.Data).ShouldBe("Hello Björn,\nthe numbers are in.");
    }

    [Fact]
    public void Without_preferences_the_whole_plain_text_is_sent()
    {
        var body = Body(FullItem());

        body.ValueOf(AirSyncBase.Type).ShouldBe("1");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("0");
        body.ValueOf(AirSyncBase.Data).ShouldBe("Hello Björn,\nthe numbers are in.");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_20_1_rtf_is_made_from_the_plain_text_and_sent_as_base64()
    {
        var body = Body(TextOnly("Grüße {x}\nline"), new BodyPreference(BodyType.Rtf));

        body.ValueOf(AirSyncBase.Type).ShouldBe("3");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("0");
        var rtf = Encoding.ASCII.GetString(Convert.FromBase64String(body.ValueOf(AirSyncBase.Data)!));
        rtf.ShouldStartWith("{\\rtf1");
        rtf.ShouldContain("Gr\\u252?\\u223?e \\{x\\}\\par\r\nline}");
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe(body.ValueOf(AirSyncBase.Data)!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Rtf_is_cut_on_a_base64_group_so_what_is_sent_decodes()
    {
        var body = Body(TextOnly("0123456789"), new BodyPreference(BodyType.Rtf) { TruncationSize = 10 });

        body.ValueOf(AirSyncBase.Type).ShouldBe("3");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data)!.Length.ShouldBe(8);
        Convert.FromBase64String(body.ValueOf(AirSyncBase.Data)!).Length.ShouldBe(6);
    }

    [Fact]
    public void The_native_type_wins_over_rtf_when_both_are_listed()
    {
        Body(FullItem(), new BodyPreference(BodyType.Rtf), new BodyPreference(BodyType.Html)).ValueOf(AirSyncBase.Type).ShouldBe("2");
        Body(TextOnly("x"), new BodyPreference(BodyType.Rtf), new BodyPreference(BodyType.Html)).ValueOf(AirSyncBase.Type).ShouldBe("3");
    }

    [Fact]
    public void Truncation_counts_utf8_bytes_and_never_splits_a_character()
    {
        // "Grüße 😀": G r (1 byte each) ü (2) ß (2) e (1) space (1) 😀 (4) = 12 bytes.
        var item = TextOnly("Grüße 😀");

        Body(item, new BodyPreference(BodyType.PlainText) { TruncationSize = 3 }).ValueOf(AirSyncBase.Data).ShouldBe("Gr");
        Body(item, new BodyPreference(BodyType.PlainText) { TruncationSize = 4 }).ValueOf(AirSyncBase.Data).ShouldBe("Grü");
        Body(item, new BodyPreference(BodyType.PlainText) { TruncationSize = 10 }).ValueOf(AirSyncBase.Data).ShouldBe("Grüße ");
        Body(item, new BodyPreference(BodyType.PlainText) { TruncationSize = 11 }).ValueOf(AirSyncBase.Data).ShouldBe("Grüße ");

        var cut = Body(item, new BodyPreference(BodyType.PlainText) { TruncationSize = 10 });
        cut.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        cut.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("12");

        var whole = Body(item, new BodyPreference(BodyType.PlainText) { TruncationSize = 12 });
        whole.ValueOf(AirSyncBase.Truncated).ShouldBe("0");
        whole.ValueOf(AirSyncBase.Data).ShouldBe("Grüße 😀");
    }

    [Fact]
    public void Truncation_to_zero_sends_the_size_without_data()
    {
        var body = Body(TextOnly("abc"), new BodyPreference(BodyType.PlainText) { TruncationSize = 0 });

        Names(body).ShouldBe(["AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated"]);
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
    }

    [Fact]
    public void EstimatedDataSize_is_the_callers_full_size_when_it_holds_only_a_prefix()
    {
        var item = new EmailItem { DateReceived = Received, Html = new EmailBodyText("<p>first part", 90_000) };

        var body = Body(item, new BodyPreference(BodyType.Html));

        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("90000");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data).ShouldBe("<p>first part");
    }

    [Fact]
    public void AllOrNone_sends_a_body_that_fits_whole()
    {
        var body = Body(TextOnly("short"), new BodyPreference(BodyType.PlainText) { TruncationSize = 5, AllOrNone = true });

        body.ValueOf(AirSyncBase.Truncated).ShouldBe("0");
        body.ValueOf(AirSyncBase.Data).ShouldBe("short");
    }

    [Fact]
    public void AllOrNone_sends_only_the_size_of_a_body_that_does_not_fit()
    {
        var body = Body(TextOnly("too long"), new BodyPreference(BodyType.PlainText) { TruncationSize = 5, AllOrNone = true });

        Names(body).ShouldBe(["AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated"]);
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("8");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
    }

    [Fact]
    public void AllOrNone_moves_on_to_the_next_preference_that_can_be_sent()
    {
        var body = Body(FullItem(),
            new BodyPreference(BodyType.Html) { TruncationSize = 10, AllOrNone = true },
            new BodyPreference(BodyType.PlainText) { TruncationSize = 10 });

        body.ValueOf(AirSyncBase.Type).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data).ShouldBe("Hello Bjö");
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
    }

    [Fact]
    public void AllOrNone_without_TruncationSize_is_ignored()
    {
        var body = Body(TextOnly("anything"), new BodyPreference(BodyType.PlainText) { AllOrNone = true });

        body.ValueOf(AirSyncBase.Data).ShouldBe("anything");
    }

    [Fact]
    public void Preview_holds_at_most_the_asked_characters_of_folded_plain_text()
    {
        var item = TextOnly("Line one\r\n\r\n   line two with more words");

        var body = Body(item, new BodyPreference(BodyType.Html) { TruncationSize = 0, Preview = 16 });

        body.ValueOf(AirSyncBase.Preview).ShouldBe("Line one line tw");
    }

    [Fact]
    public void Preview_comes_from_the_text_part_beside_an_html_body()
    {
        var body = Body(FullItem(), new BodyPreference(BodyType.Html) { Preview = 255 });

        body.ValueOf(AirSyncBase.Preview).ShouldBe("Hello Björn, the numbers are in.");
        Names(body)[^1].ShouldBe("AirSyncBase:Preview");
    }

    [Fact]
    public void Preview_is_left_out_beside_plain_text_data_but_given_when_the_data_is_withheld()
    {
        var sent = Body(TextOnly("some text"), new BodyPreference(BodyType.PlainText) { Preview = 4 });
        var withheld = Body(TextOnly("some text"), new BodyPreference(BodyType.PlainText) { TruncationSize = 2, AllOrNone = true, Preview = 4 });

        sent.Element(AirSyncBase.Preview).ShouldBeNull();
        withheld.ValueOf(AirSyncBase.Preview).ShouldBe("some");
    }

    [Theory]
    [InlineData(0, false, "2")]
    [InlineData(1, false, "2")]
    [InlineData(1, true, "4")]
    [InlineData(2, false, "4")]
    [InlineData(2, true, "4")]
    public void MimeSupport_decides_when_a_type_4_preference_is_honoured(int level, bool smime, string expectedType)
    {
        var item = FullItem() with { MessageClass = smime ? EmailMessageClass.SmimeMultipartSigned : EmailMessageClass.Note };
        var options = Options(ProtocolVersion.V141, new BodyPreference(BodyType.Html), new BodyPreference(BodyType.Mime)) with { MimeSupport = Mime(level) };

        Body(item, options).ValueOf(AirSyncBase.Type).ShouldBe(expectedType);
    }

    [Fact]
    public void Mime_is_not_sent_when_the_client_did_not_ask_for_type_4()
    {
        var options = Options(ProtocolVersion.V141, new BodyPreference(BodyType.Html)) with { MimeSupport = SyncMimeSupport.Always };

        Body(FullItem(), options).ValueOf(AirSyncBase.Type).ShouldBe("2");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_20_1_mime_data_is_the_raw_message_as_a_string_cut_at_TruncationSize()
    {
        var item = FullItem();
        var options = Options(ProtocolVersion.V141, new BodyPreference(BodyType.Mime) { TruncationSize = 10 }) with { MimeSupport = SyncMimeSupport.Always };

        var body = Body(item, options);

        var data = Child(body, AirSyncBase.Data);
        data.ValueKind.ShouldBe(WbxmlValueKind.Text);
        data.RawValue.ToArray().ShouldBe(item.Mime!.Data[..10].ToArray());
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe(item.Mime.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
    }

    [Fact]
    public void MimeTruncation_limits_a_mime_body_that_has_no_TruncationSize()
    {
        var mime = new byte[6000];
        Array.Fill(mime, (byte)'a');
        var item = new EmailItem { DateReceived = Received, Mime = EmailMime.Complete(mime) };
        var options = Options(ProtocolVersion.V141, new BodyPreference(BodyType.Mime)) with { MimeSupport = SyncMimeSupport.Always, MimeTruncation = 1 };

        Child(Body(item, options), AirSyncBase.Data).RawValue.Length.ShouldBe(4096);
    }

    [Fact]
    public async Task A_mime_prefix_read_from_a_stream_is_marked_truncated()
    {
        var bytes = Encoding.ASCII.GetBytes("Subject: x\r\n\r\n" + new string('b', 500));
        using var stream = new MemoryStream(bytes);
        var mime = await EmailMime.ReadAsync(stream, bytes.Length, 100, CancellationToken.None);
        var item = new EmailItem { DateReceived = Received, Mime = mime };
        var options = Options(ProtocolVersion.V141, new BodyPreference(BodyType.Mime)) with { MimeSupport = SyncMimeSupport.Always };

        var body = Body(item, options);

        mime.Data.Length.ShouldBe(100);
        Child(body, AirSyncBase.Data).RawValue.Length.ShouldBe(100);
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
