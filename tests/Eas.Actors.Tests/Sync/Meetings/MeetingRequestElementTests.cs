using System.Xml;
using System.Xml.Linq;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Meetings;
using Eas.Actors.Tests.Sync.Email.Reading;
using Eas.Wire.Http;
using Eas.Wire.Tests.Oracle;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Meetings.MeetingSamples;

namespace Eas.Actors.Tests.Sync.Meetings;

public sealed class MeetingRequestElementTests
{
    private static MeetingInvitation Weekly => InvitationReader.Read(WeeklyRequest())!;

    private static List<string> Names(WbxmlElement element)
    {
        var names = new List<string>();
        foreach (var child in element.Children) names.Add(child.Name);
        return names;
    }

    [Fact]
    public void MS_ASEMAIL_2_2_2_48_children_come_in_the_sections_order_with_the_meetings_values()
    {
        var element = MeetingRequestElement.Build(Weekly, ProtocolVersion.V141);

        Names(element).ShouldBe(["AllDayEvent", "StartTime", "DtStamp", "EndTime", "InstanceType", "Location", "Organizer", "Reminder", "ResponseRequested",
            "Recurrences", "Sensitivity", "BusyStatus", "TimeZone", "GlobalObjId", "DisallowNewTimeProposal", "MeetingMessageType"]);
        element.ValueOf(Wire.CodePages.Email.StartTime).ShouldBe("2026-12-08T09:00:00.000Z");
        element.ValueOf(Wire.CodePages.Email.DtStamp).ShouldBe("2026-12-01T08:00:00.000Z");
        element.ValueOf(Wire.CodePages.Email.InstanceType).ShouldBe("1");
        element.ValueOf(Wire.CodePages.Email.Organizer).ShouldBe("\"Anna Berg\" <anna@example.org>");
        element.ValueOf(Wire.CodePages.Email.Reminder).ShouldBe("15");
        element.ValueOf(Wire.CodePages.Email.ResponseRequested).ShouldBe("1");
        element.ValueOf(Wire.CodePages.Email.Sensitivity).ShouldBe("2");
        var zone = Eas.Actors.Sync.Calendar.TimeZones.EasTimeZone.FromBase64(element.ValueOf(Wire.CodePages.Email.TimeZone)!);
        zone.Bias.ShouldBe(-60, "Berlin is an hour east of UTC in winter (MS-ASDTYPE 2.7)");
        zone.HasDaylightTime.ShouldBeTrue();
        GlobalObjectId.UidOf(Convert.FromBase64String(element.ValueOf(Wire.CodePages.Email.GlobalObjId)!)).ShouldBe(Weekly.Uid);
        element.ValueOf(Wire.CodePages.Email2.MeetingMessageType).ShouldBe("1");
    }

    [Theory]
    [InlineData("12.1", false, false, false)]
    [InlineData("14.0", true, false, false)]
    [InlineData("14.1", true, true, false)]
    [InlineData("16.1", true, true, true)]
    public void MS_ASEMAIL_2_2_2_48_version_rules_for_DisallowNewTimeProposal_MeetingMessageType_and_the_location(string versionText, bool disallow, bool messageType, bool airSyncBaseLocation)
    {
        var element = MeetingRequestElement.Build(Weekly, ProtocolVersion.Parse(versionText));

        (element.Element(Wire.CodePages.Email.DisallowNewTimeProposal) is not null).ShouldBe(disallow);
        (element.Element(Wire.CodePages.Email2.MeetingMessageType) is not null).ShouldBe(messageType);
        (element.Element(Wire.CodePages.AirSyncBase.Location) is not null).ShouldBe(airSyncBaseLocation);
        (element.Element(Wire.CodePages.Email.Location) is not null).ShouldBe(!airSyncBaseLocation);
    }

    [Theory]
    [InlineData("12.1")]
    [InlineData("14.1")]
    [InlineData("16.1")]
    public void MS_ASEMAIL_2_2_2_48_the_element_decodes_in_libwbxml(string versionText)
    {
        var element = MeetingRequestElement.Build(Weekly, ProtocolVersion.Parse(versionText));

        var xml = LibWbxml.Decode([WbxmlWriter.Encode(element)]).Single();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var root = XDocument.Load(reader).Root!;
        var leaves = root.Descendants().Where(e => !e.HasElements).Select(e => $"{e.Name.LocalName}={e.Value}").ToList();

        root.Name.LocalName.ShouldBe("MeetingRequest");
        leaves.ShouldContain("StartTime=2026-12-08T09:00:00.000Z", xml);
        // libwbxml 0.11 names the Recurrence children of the Email page Recurrence_Type, Recurrence_DayOfWeek, ...
        leaves.ShouldContain("Recurrence_Type=1", xml);
        leaves.ShouldContain("Recurrence_DayOfWeek=20");
        leaves.ShouldContain("Recurrence_Occurrences=10");
        leaves.ShouldContain("BusyStatus=2");
    }

    [Fact]
    public async Task MS_ASEMAIL_2_2_2_49_an_iMIP_REQUEST_mail_reads_as_a_meeting_request_and_a_CANCEL_as_cancelled()
    {
        var request = await ReadingTestData.ReadAsync(InviteMail(WeeklyRequest()));
        var cancel = await ReadingTestData.ReadAsync(InviteMail(WeeklyRequest(method: "CANCEL"), "CANCEL"));

        request.MessageClass.ShouldBe(EmailMessageClass.MeetingRequest);
        request.Meeting.ShouldNotBeNull().Uid.ShouldBe("7f3a9c2e-weekly@example.org");
        request.PlainText.ShouldNotBeNull().Text.ShouldContain("You are invited.");
        cancel.MessageClass.ShouldBe(EmailMessageClass.MeetingCanceled);
        cancel.Meeting.ShouldNotBeNull().Method.ShouldBe(MeetingMethod.Cancel);
    }

    [Fact]
    public async Task MS_ASEMAIL_2_2_2_48_the_Sync_ApplicationData_carries_MeetingRequest_right_after_MessageClass()
    {
        var item = await ReadingTestData.ReadAsync(InviteMail(WeeklyRequest()));

        var data = EmailApplicationData.Build(item, Eas.Actors.Tests.Sync.Email.EmailTestData.Options(ProtocolVersion.V161));
        var names = Names(data);

        names.IndexOf("MeetingRequest").ShouldBe(names.IndexOf("MessageClass") + 1);
    }

    [Fact]
    public async Task A_broken_calendar_part_leaves_an_ordinary_message()
    {
        var item = await ReadingTestData.ReadAsync(InviteMail("BEGIN:VCALENDAR\r\nBROKEN"));

        item.MessageClass.ShouldBe(EmailMessageClass.Note);
        item.Meeting.ShouldBeNull();
    }
}
