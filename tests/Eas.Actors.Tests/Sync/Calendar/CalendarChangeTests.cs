using Eas.Actors.Sync.Calendar;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Calendar.CalendarTestData;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Tests.Sync.Calendar;

/// <summary>Changes from the phone (MS-ASCMD 2.2.3.24, 2.2.3.179), 16.x instances (MS-ASAIRS 2.2.2.25), custom zones and the FilterType window.</summary>
public sealed class CalendarChangeTests
{
    private readonly CalendarCodec _codec = new();

    [Fact]
    public void MS_ASCMD_2_2_3_179_a_Change_keeps_every_property_the_phone_never_sees()
    {
        var stored = CalendarRecurrenceTests.Ics("X-OTHER-CLIENT;X-P=1:kept\r\nATTACH:https://example.org/a.pdf\r\nCOMMENT:kept too");
        var change = PhoneData(CalendarItem.Empty.With(CalendarPage.Subject, "Renamed").With(CalendarPage.StartTime, "20260318T090000Z")
            .With(CalendarPage.EndTime, "20260318T100000Z").With(CalendarPage.Timezone, EasTimeZoneTests.Berlin.ToBase64()), "14.1");

        var content = _codec.Change("r-1", stored, change, Context("14.1")).Content;

        content.ShouldContain("SUMMARY:Renamed");
        content.ShouldContain("X-OTHER-CLIENT;X-P=1:kept");
        content.ShouldContain("ATTACH:https://example.org/a.pdf");
        content.ShouldContain("COMMENT:kept too");
        content.ShouldContain("DTSTART;TZID=Europe/Berlin:20260318T100000");
        content.ShouldContain("UID:r-1");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_25_a_16_x_Change_with_an_InstanceId_changes_that_occurrence_only()
    {
        var content = _codec.Create("id", PhoneData(DstSeries(), "16.1"), Context("16.1")).Content;
        var change = WbxmlElement.WithChildren(AirSync.ApplicationData,
            WbxmlElement.WithText(AirSyncBase.InstanceId, "20260415T080000Z"),
            WbxmlElement.WithText(CalendarPage.Subject, "Only this one"));

        var changed = _codec.Change("id", content, change, Context("16.1")).Content;
        var data = _codec.Build(changed, Context("16.1"));

        data.ValueOf(CalendarPage.Subject).ShouldBe("Weekly review");
        var exceptions = data.Element(CalendarPage.Exceptions)!.Elements(CalendarPage.Exception).ToList();
        exceptions.Count.ShouldBe(3);
        exceptions.ShouldContain(e => e.ValueOf(AirSyncBase.InstanceId) == "20260415T080000Z" && e.ValueOf(CalendarPage.Subject) == "Only this one");
        changed.ShouldContain("RECURRENCE-ID;TZID=Europe/Berlin:20260415T100000");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_42_2_RemoveInstance_adds_an_EXDATE_in_the_series_zone()
    {
        var content = _codec.Create("id", PhoneData(DstSeries(), "16.1"), Context("16.1")).Content;

        var removed = _codec.RemoveInstance("id", content, "20260408T080000Z", Context("16.1"))!.Content;

        removed.ShouldContain("EXDATE;TZID=Europe/Berlin:20260408T100000");
        removed.ShouldContain("EXDATE;TZID=Europe/Berlin:20260325T100000");
    }

    [Fact]
    public void MS_ASDTYPE_2_7_a_custom_phone_zone_is_stored_with_its_own_VTIMEZONE_and_comes_back_unchanged()
    {
        var item = DstSeries().With(CalendarPage.Timezone, EasTimeZoneTests.Custom.ToBase64());
        var phone = PhoneData(item, "14.1");

        var content = _codec.Create("id", phone, Context("14.1")).Content;

        content.ShouldContain("TZID:Phone Custom Time");
        content.ShouldContain("RRULE:FREQ=YEARLY;BYMONTH=2;BYDAY=2TU");
        Xml(_codec.Build(content, Context("14.1"))).ShouldBe(Xml(phone));
    }

    [Theory]
    [InlineData(SyncFilterType.NoFilter, "20200101T090000Z", null, true)]
    [InlineData(SyncFilterType.TwoWeeks, "20260310T090000Z", null, true)]
    [InlineData(SyncFilterType.TwoWeeks, "20260301T090000Z", null, false)]
    [InlineData(SyncFilterType.OneMonth, "20260301T090000Z", null, true)]
    [InlineData(SyncFilterType.TwoWeeks, "20260101T090000Z", "RRULE:FREQ=WEEKLY", true)]
    [InlineData(SyncFilterType.TwoWeeks, "20260101T090000Z", "RRULE:FREQ=DAILY;COUNT=3", false)]
    [InlineData(SyncFilterType.TwoWeeks, "20260101T090000Z", "RRULE:FREQ=DAILY;UNTIL=20260315T000000Z", true)]
    [InlineData(SyncFilterType.SixMonths, "20260101T090000Z", "RRULE:FREQ=DAILY;COUNT=3", true)]
    public void MS_ASCMD_2_2_3_68_an_event_or_series_is_in_the_window_when_it_can_end_after_its_start(SyncFilterType filter, string start, string? rrule, bool inside)
    {
        var content = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\nDTSTART:" + start + "\r\nDURATION:PT1H\r\n" + (rrule is null ? "" : rrule + "\r\n") + "END:VEVENT\r\nEND:VCALENDAR\r\n";

        _codec.InWindow(content, filter, Now).ShouldBe(inside);
    }
}
