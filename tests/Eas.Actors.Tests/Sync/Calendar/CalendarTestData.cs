using System.Collections.Immutable;
using Eas.Actors.Sync.Calendar;
using Eas.Actors.Sync.Contacts;
using Eas.Actors.Sync.Pim;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Tests.Sync.Calendar;

/// <summary>Appointments as phones send them, and the codec with a fixed clock.</summary>
internal static class CalendarTestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    public static readonly string[] Versions = ["2.5", "12.0", "12.1", "14.0", "14.1", "16.0", "16.1"];

    public static TheoryData<string> VersionData => [.. Versions];

    public static PimCodecContext Context(string version) => new(ProtocolVersion.Parse(version), Now);

    /// <summary>
    /// A weekly Wednesday meeting in Berlin, 10:00-11:00 local from 18 March 2026, six times: across the change to
    /// summer time on 29 March (09:00Z before, 08:00Z after). 25 March is deleted; 1 April is moved to Thursday
    /// 2 April 14:00 local with its own subject.
    /// </summary>
    public static CalendarItem DstSeries() => new CalendarItem
    {
        Body = "Agenda:\nfirst line; second, third",
        Categories = ["Work", "Team, Berlin"],
        Attendees =
        [
            new CalendarAttendee("anna@example.org", "Anna Berg", "3", "1"),
            new CalendarAttendee("room1@example.org", "Room 1", "0", "3"),
            new CalendarAttendee("otto@example.org", "Otto", "5", "2"),
        ],
        Recurrence = ImmutableDictionary<ushort, string>.Empty
            .Add(CalendarPage.Type, "1").Add(CalendarPage.Occurrences, "6").Add(CalendarPage.Interval, "1")
            .Add(CalendarPage.DayOfWeek, "8").Add(CalendarPage.FirstDayOfWeek, "1"),
        Exceptions =
        [
            new CalendarException("20260325T090000Z", true, CalendarItem.Empty),
            new CalendarException("20260401T080000Z", false, CalendarItem.Empty
                .With(CalendarPage.Subject, "Moved review").With(CalendarPage.StartTime, "20260402T120000Z").With(CalendarPage.EndTime, "20260402T130000Z")),
        ],
    }
    .With(CalendarPage.Timezone, EasTimeZoneTests.Berlin.ToBase64())
    .With(CalendarPage.AllDayEvent, "0")
    .With(CalendarPage.BusyStatus, "2")
    .With(CalendarPage.OrganizerName, "Mia Muster")
    .With(CalendarPage.OrganizerEmail, "mia@example.org")
    .With(CalendarPage.DtStamp, "20260301T100000Z")
    .With(CalendarPage.EndTime, "20260318T100000Z")
    .With(CalendarPage.Location, "Room 1; Floor 2")
    .With(CalendarPage.Reminder, "15")
    .With(CalendarPage.Sensitivity, "2")
    .With(CalendarPage.Subject, "Weekly review")
    .With(CalendarPage.StartTime, "20260318T090000Z")
    .With(CalendarPage.UID, "040000008200E00074C5B7101A82E00800000000-series-1")
    .With(CalendarPage.MeetingStatus, "1")
    .With(CalendarPage.ResponseRequested, "1")
    .With(CalendarPage.AppointmentReplyTime, "20260302T080000Z")
    .With(CalendarPage.ResponseType, "1")
    .With(CalendarPage.DisallowNewTimeProposal, "0")
    .With(CalendarPage.OnlineMeetingConfLink, "sip:mia@example.org;gruu;opaque=app:conf:focus:id:X")
    .With(CalendarPage.OnlineMeetingExternalLink, "https://meet.example.org/X");

    /// <summary>What a phone of that version sends for the item: the elements its version has.</summary>
    public static WbxmlElement PhoneData(CalendarItem item, string version) =>
        CalendarWbxml.Build(item, ProtocolVersion.Parse(version), ContactBodyOptions.Default);

    public static string Xml(WbxmlElement element) => WbxmlXml.ToXml(element);
}
