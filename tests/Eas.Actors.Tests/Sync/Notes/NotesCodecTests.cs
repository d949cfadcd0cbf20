using System.Xml;
using System.Xml.Linq;
using Eas.Actors.Sync.Notes;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Tests.Oracle;
using Eas.Wire.Wbxml;
using NotesPage = Eas.Wire.CodePages.Notes;

namespace Eas.Actors.Tests.Sync.Notes;

/// <summary>Notes (MS-ASNOTE 2.2.2, 14.0+) phone → VJOURNAL → phone, body preferences, changes and bad input.</summary>
public sealed class NotesCodecTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly NotesCodec codec = new();

    public static TheoryData<string> Versions => ["14.0", "14.1", "16.0", "16.1"];

    private static PimCodecContext Context(ProtocolVersion version, params BodyPreference[] preferences) =>
        new(version, Now) { BodyPreferences = [.. preferences] };

    private static WbxmlElement ThroughBytes(WbxmlElement element) => WbxmlDocument.Parse(WbxmlWriter.Encode(element));

    private static WbxmlElement Body(string type, string data) =>
        WbxmlElement.WithChildren(AirSyncBase.Body, WbxmlElement.WithText(AirSyncBase.Type, type), WbxmlElement.WithText(AirSyncBase.Data, data));

    private static WbxmlElement FullNote(string bodyType = "1", string body = "Milk, eggs") =>
        WbxmlElement.WithChildren(AirSync.ApplicationData,
            WbxmlElement.WithText(NotesPage.Subject, "Shopping"),
            Body(bodyType, body),
            WbxmlElement.WithText(NotesPage.MessageClass, "IPM.StickyNote"),
            WbxmlElement.WithText(NotesPage.LastModifiedDate, "2026-12-06T08:15:00.000Z"),
            WbxmlElement.WithChildren(NotesPage.Categories, WbxmlElement.WithText(NotesPage.Category, "Home")));

    private static string Journal(params string[] lines) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VJOURNAL\r\nUID:n1\r\nDTSTAMP:20261201T000000Z\r\n"
        + string.Concat(lines.Select(l => l + "\r\n")) + "END:VJOURNAL\r\nEND:VCALENDAR\r\n";

    [Theory]
    [MemberData(nameof(Versions))]
    public void MS_ASNOTE_2_2_2_every_element_round_trips_phone_to_VJOURNAL_to_phone(string versionText)
    {
        var version = ProtocolVersion.Parse(versionText);
        var write = codec.Create("note-1", ThroughBytes(FullNote()), Context(version));

        write.Content.ShouldContain("BEGIN:VJOURNAL");
        write.Content.ShouldContain("SUMMARY:Shopping");
        write.Content.ShouldContain("LAST-MODIFIED:20261206T081500Z");
        var back = NoteWbxml.Read(ThroughBytes(codec.Build(write.Content, Context(version))), version).Item;
        back.ShouldBe(NoteWbxml.Read(FullNote(), version).Item);
        back.MessageClass.ShouldBe("IPM.StickyNote");
    }

    [Fact]
    public void MS_ASNOTE_2_2_2_an_HTML_body_is_kept_as_X_ALT_DESC_and_served_per_BodyPreference()
    {
        var content = codec.Create("n", FullNote("2", "<p>Milk &amp; <b>eggs</b></p>"), Context(ProtocolVersion.V161)).Content;
        content.ShouldContain("X-ALT-DESC;FMTTYPE=text/html:");
        content.ShouldContain("DESCRIPTION:Milk & eggs");

        var html = codec.Build(content, Context(ProtocolVersion.V161, new BodyPreference(BodyType.Html)));
        html.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Type).ShouldBe("2");
        html.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Data).ShouldBe("<p>Milk &amp; <b>eggs</b></p>");
        var plain = codec.Build(content, Context(ProtocolVersion.V161, new BodyPreference(BodyType.PlainText)));
        plain.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Type).ShouldBe("1");
        plain.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Data).ShouldBe("Milk & eggs");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_40_a_body_over_the_TruncationSize_is_cut_and_marked_truncated()
    {
        var content = codec.Create("n", FullNote(body: new string('x', 600)), Context(ProtocolVersion.V161)).Content;
        var body = codec.Build(content, Context(ProtocolVersion.V161, new BodyPreference(BodyType.PlainText) { TruncationSize = 100 })).Element(AirSyncBase.Body)!;
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data)!.Length.ShouldBe(100);
        body.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("600");
    }

    [Fact]
    public void MS_ASNOTE_3_2_5_3_a_change_without_a_body_keeps_it_and_unknown_properties_survive()
    {
        var stored = Journal("SUMMARY:old", "DESCRIPTION:keep this", "X-OTHER;X-P=1:survives", "CATEGORIES:A");
        var change = WbxmlElement.WithChildren(AirSync.ApplicationData, WbxmlElement.WithText(NotesPage.Subject, "new"));

        var changed = codec.Change("n1", stored, change, Context(ProtocolVersion.V161)).Content;

        changed.ShouldContain("SUMMARY:new");
        changed.ShouldContain("DESCRIPTION:keep this");
        changed.ShouldContain("X-OTHER;X-P=1:survives");
        changed.ShouldNotContain("CATEGORIES");
        changed.ShouldContain("LAST-MODIFIED:20261207T100000Z");
    }

    [Fact]
    public void MS_ASNOTE_2_2_2_5_a_derived_message_class_round_trips_and_a_journal_without_one_is_a_sticky_note()
    {
        var data = WbxmlElement.WithChildren(AirSync.ApplicationData, WbxmlElement.WithText(NotesPage.Subject, "s"), WbxmlElement.WithText(NotesPage.MessageClass, "IPM.StickyNote.Custom"));
        var content = codec.Create("n", data, Context(ProtocolVersion.V141)).Content;
        codec.Build(content, Context(ProtocolVersion.V141)).ValueOf(NotesPage.MessageClass).ShouldBe("IPM.StickyNote.Custom");
        codec.Build(Journal("SUMMARY:x"), Context(ProtocolVersion.V141)).ValueOf(NotesPage.MessageClass).ShouldBe("IPM.StickyNote");
        codec.Build(Journal("SUMMARY:x"), Context(ProtocolVersion.V141)).ValueOf(NotesPage.LastModifiedDate).ShouldBe("2026-12-01T00:00:00.000Z");
    }

    [Fact]
    public void RFC_5545_broken_lines_are_dropped_and_text_without_a_VJOURNAL_is_PimContentException()
    {
        codec.Build(Journal("SUMMARY:still here", "broken line without colon"), Context(ProtocolVersion.V161)).ValueOf(NotesPage.Subject).ShouldBe("still here");
        Should.Throw<PimContentException>(() => codec.Build("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", Context(ProtocolVersion.V161)));
        Should.Throw<PimContentException>(() => codec.Build("no calendar here", Context(ProtocolVersion.V161)));
        codec.Change("n9", "no calendar here", FullNote(), Context(ProtocolVersion.V161)).Content.ShouldContain("SUMMARY:Shopping");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_68_notes_have_no_filter_window_and_the_codec_names_its_class()
    {
        codec.InWindow(Journal("SUMMARY:x"), SyncFilterType.IncompleteTasks, Now).ShouldBeTrue();
        codec.Kind.ShouldBe(PimKind.Notes);
        codec.ClassName.ShouldBe("Notes");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void MS_ASNOTE_2_2_2_the_built_WBXML_decodes_in_libwbxml_with_the_spec_element_names(string versionText)
    {
        var version = ProtocolVersion.Parse(versionText);
        var content = codec.Create("n", FullNote(), Context(version)).Content;
        var xml = LibWbxml.Decode([WbxmlWriter.Encode(codec.Build(content, Context(version)))]).Single();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var leaves = XDocument.Load(reader).Root!.Descendants().Where(e => !e.HasElements).Select(e => $"{e.Name.LocalName}={e.Value}").ToList();

        leaves.ShouldContain("Subject=Shopping");
        leaves.ShouldContain("MessageClass=IPM.StickyNote");
        leaves.ShouldContain("LastModifiedDate=2026-12-06T08:15:00.000Z");
        leaves.ShouldContain("Category=Home");
        leaves.ShouldContain("Data=Milk, eggs");
    }
}
