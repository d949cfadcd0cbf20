using Eas.Actors.Sync.Pim;
using Eas.Actors.Tests.Sync.Email;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using CalendarPage = Eas.Wire.CodePages.Calendar;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Tests.Sync.Pim;

/// <summary>The one PIM body writer (MS-ASAIRS 2.2.2.9 for 12.0+, a class's own elements for 2.5) every PIM codec calls.</summary>
public sealed class PimBodyWriterTests
{
    private static readonly LegacyBodyTags TaskTags = new(TasksPage.Body, TasksPage.BodySize, TasksPage.BodyTruncated);
    private static readonly LegacyBodyTags CalendarTags = new(CalendarPage.Body, null, CalendarPage.BodyTruncated);

    private static WbxmlElement Write(PimTextBody body, ProtocolVersion version, bool servesHtml, params BodyPreference[] preferences) =>
        WriteAs(body, version, servesHtml, null, TaskTags, preferences);

    private static WbxmlElement WriteAs(PimTextBody body, ProtocolVersion version, bool servesHtml, int? truncation, LegacyBodyTags? tags, params BodyPreference[] preferences)
    {
        var data = new WbxmlElement(AirSync.ApplicationData);
        PimBodyWriter.Write(data, body, version, [.. preferences], truncation, tags, servesHtml);
        return data;
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_12_the_first_preference_of_a_type_the_class_serves_is_served()
    {
        var body = new PimTextBody("plain words", "<p>html words</p>");
        BodyPreference[] asked = [new(BodyType.Rtf) { TruncationSize = 3 }, new(BodyType.Html) { TruncationSize = 100 }, new(BodyType.PlainText) { TruncationSize = 5 }];

        var html = Write(body, ProtocolVersion.V161, servesHtml: true, asked).Element(AirSyncBase.Body)!;
        var plain = Write(body, ProtocolVersion.V161, servesHtml: false, asked).Element(AirSyncBase.Body)!;

        (html.ValueOf(AirSyncBase.Type), html.ValueOf(AirSyncBase.Data)).ShouldBe(("2", "<p>html words</p>"));
        (plain.ValueOf(AirSyncBase.Type), plain.ValueOf(AirSyncBase.Data), plain.ValueOf(AirSyncBase.Truncated)).ShouldBe(("1", "plain", "1"),
            "a plain-text class skips the HTML preference and serves the plain-text one with its TruncationSize");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_12_with_no_served_type_asked_the_plain_text_goes_under_the_first_preferences_sizes()
    {
        var body = Write(new PimTextBody("0123456789", null), ProtocolVersion.V141, servesHtml: true, new BodyPreference(BodyType.Mime) { TruncationSize = 4 }).Element(AirSyncBase.Body)!;

        (body.ValueOf(AirSyncBase.Type), body.ValueOf(AirSyncBase.Data), body.ValueOf(AirSyncBase.EstimatedDataSize)).ShouldBe(("1", "0123", "10"));
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_40_2_Data_is_cut_in_UTF_8_bytes_on_a_character_boundary_and_without_preferences_goes_whole()
    {
        var cut = Write(new PimTextBody("héllo wörld", null), ProtocolVersion.V120, servesHtml: false, new BodyPreference(BodyType.PlainText) { TruncationSize = 2 }).Element(AirSyncBase.Body)!;
        var whole = Write(new PimTextBody("héllo wörld", null), ProtocolVersion.V120, servesHtml: false).Element(AirSyncBase.Body)!;

        EmailTestData.Names(cut).ShouldBe(["AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated", "AirSyncBase:Data"]);
        (cut.ValueOf(AirSyncBase.Data), cut.ValueOf(AirSyncBase.EstimatedDataSize), cut.ValueOf(AirSyncBase.Truncated)).ShouldBe(("h", "13", "1"), "é is two bytes: it does not fit after h");
        (whole.ValueOf(AirSyncBase.Data), whole.ValueOf(AirSyncBase.Truncated)).ShouldBe(("héllo wörld", "0"));
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_3_2_AllOrNone_withholds_a_body_that_does_not_fit_and_sends_one_that_does()
    {
        var withheld = Write(new PimTextBody("0123456789", null), ProtocolVersion.V141, servesHtml: false, new BodyPreference(BodyType.PlainText) { TruncationSize = 5, AllOrNone = true }).Element(AirSyncBase.Body)!;
        var fits = Write(new PimTextBody("0123", null), ProtocolVersion.V141, servesHtml: false, new BodyPreference(BodyType.PlainText) { TruncationSize = 5, AllOrNone = true }).Element(AirSyncBase.Body)!;

        EmailTestData.Names(withheld).ShouldBe(["AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated"]);
        withheld.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        (fits.ValueOf(AirSyncBase.Data), fits.ValueOf(AirSyncBase.Truncated)).ShouldBe(("0123", "0"));
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_35_1_Preview_goes_beside_HTML_from_14_0_never_beside_plain_text_Data_nor_before_14_0()
    {
        var body = new PimTextBody("First line\n\n   second   line", null);
        var preview = new BodyPreference(BodyType.Html) { Preview = 12 };

        var html = Write(body, ProtocolVersion.V140, servesHtml: true, preview).Element(AirSyncBase.Body)!;
        var old = Write(body, ProtocolVersion.V121, servesHtml: true, preview).Element(AirSyncBase.Body)!;
        var plain = Write(body, ProtocolVersion.V161, servesHtml: false, new BodyPreference(BodyType.PlainText) { Preview = 12 }).Element(AirSyncBase.Body)!;
        var withheld = Write(body, ProtocolVersion.V161, servesHtml: false, new BodyPreference(BodyType.PlainText) { Preview = 12, TruncationSize = 3, AllOrNone = true }).Element(AirSyncBase.Body)!;

        EmailTestData.Names(html).ShouldBe(["AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated", "AirSyncBase:Data", "AirSyncBase:Preview"]);
        html.ValueOf(AirSyncBase.Preview).ShouldBe("First line s", "white space folded, no more characters than asked");
        old.Element(AirSyncBase.Preview).ShouldBeNull("Preview is 14.0+");
        plain.Element(AirSyncBase.Preview).ShouldBeNull("plain text Data already is the preview");
        withheld.ValueOf(AirSyncBase.Preview).ShouldBe("First line s", "without Data the preview is the only text the phone gets");
    }

    [Fact]
    public void MS_ASTASK_2_2_2_2_in_2_5_the_class_body_is_cut_by_the_Truncation_code_with_BodySize_and_BodyTruncated()
    {
        var text = new string('a', 600);

        var cut = WriteAs(new PimTextBody(text, null), ProtocolVersion.V25, servesHtml: true, truncation: 1, tags: TaskTags);
        var whole = WriteAs(new PimTextBody("short", null), ProtocolVersion.V25, servesHtml: true, truncation: 1, tags: TaskTags);

        EmailTestData.Names(cut).ShouldBe(["Tasks:Body", "Tasks:BodySize", "Tasks:BodyTruncated"]);
        (cut.ValueOf(TasksPage.Body)!.Length, cut.ValueOf(TasksPage.BodySize), cut.ValueOf(TasksPage.BodyTruncated)).ShouldBe((512, "600", "1"));
        EmailTestData.Names(whole).ShouldBe(["Tasks:Body", "Tasks:BodyTruncated"]);
        whole.ValueOf(TasksPage.BodyTruncated).ShouldBe("0");
    }

    [Fact]
    public void MS_ASCAL_2_2_2_8_a_2_5_appointment_has_Body_and_BodyTruncated_and_no_BodySize()
    {
        var cut = WriteAs(new PimTextBody(new string('b', 600), null), ProtocolVersion.V25, servesHtml: false, truncation: 1, tags: CalendarTags);

        EmailTestData.Names(cut).ShouldBe(["Calendar:Body", "Calendar:BodyTruncated"]);
        cut.ValueOf(CalendarPage.BodyTruncated).ShouldBe("1");
    }

    [Fact]
    public void No_body_or_a_class_2_5_does_not_have_writes_nothing()
    {
        Write(PimTextBody.None, ProtocolVersion.V161, servesHtml: true).HasChildren.ShouldBeFalse();
        WriteAs(new PimTextBody("note", null), ProtocolVersion.V25, servesHtml: true, null, null).HasChildren.ShouldBeFalse();
    }
}
