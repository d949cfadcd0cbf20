using Eas.Actors.Sync.Calendar;
using Eas.Actors.Sync.Calendar.Ics;
using Ical.Net.CalendarComponents;
using static Eas.Actors.Tests.Sync.Calendar.CalendarTestData;
using CalendarPage = Eas.Wire.CodePages.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace Eas.Actors.Tests.Sync.Calendar;

/// <summary>Phone → iCalendar → phone for every element each version has (MS-ASCAL 2.2.2), and the issue's DST series.</summary>
public sealed class CalendarRoundTripTests
{
    private readonly CalendarCodec _codec = new();

    public static TheoryData<string> Versions => VersionData;

    [Theory]
    [MemberData(nameof(Versions))]
    public void MS_ASCAL_2_2_2_every_element_of_the_version_round_trips_phone_to_store_to_phone(string version)
    {
        var phone = PhoneData(DstSeries(), version);

        var write = _codec.Create("server-chosen-id", phone, Context(version));
        var back = _codec.Build(write.Content, Context(version));

        write.ItemId.ShouldBe(DstSeries()[CalendarPage.UID]);
        Xml(back).ShouldBe(Xml(phone));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void MS_ASCAL_2_2_2_an_item_a_16_1_phone_created_reaches_every_version_with_the_elements_it_has(string version)
    {
        var content = _codec.Create("id", PhoneData(DstSeries(), "16.1"), Context("16.1")).Content;

        Xml(_codec.Build(content, Context(version))).ShouldBe(Xml(PhoneData(DstSeries(), version)));
    }

    [Fact]
    public void MS_ASCAL_2_2_2_the_DST_series_is_stored_in_Europe_Berlin_with_an_EXDATE_and_an_override()
    {
        var content = _codec.Create("id", PhoneData(DstSeries(), "14.1"), Context("14.1")).Content;
        var calendar = IcsReader.Read(content).Components.Single();
        var events = calendar.Children("VEVENT").ToList();

        events.Count.ShouldBe(2);
        var master = events[0];
        master.Property("DTSTART")!.Parameter("TZID").ShouldBe("Europe/Berlin");
        master.Value("DTSTART").ShouldBe("20260318T100000");
        master.Value("RRULE").ShouldBe("FREQ=WEEKLY;COUNT=6;INTERVAL=1;BYDAY=WE;WKST=MO");
        master.Value("EXDATE").ShouldBe("20260325T100000");
        events[1].Value("RECURRENCE-ID").ShouldBe("20260401T100000");
        events[1].Value("DTSTART").ShouldBe("20260402T140000");
        events[1].Value("SUMMARY").ShouldBe("Moved review");
        events[1].Value("LOCATION").ShouldBe(@"Room 1\; Floor 2");
        calendar.Children("VTIMEZONE").Single().Value("TZID").ShouldBe("Europe/Berlin");
    }

    [Fact]
    public void MS_ASCAL_2_2_2_the_stored_DST_series_read_by_Ical_Net_has_the_right_UTC_instants()
    {
        var content = _codec.Create("id", PhoneData(DstSeries(), "16.1"), Context("16.1")).Content;

        var calendar = IcalCalendar.Load(content)!;
        var starts = calendar.GetOccurrences<CalendarEvent>().Select(o => o.Period.StartTime.AsUtc).Order().ToList();

        starts.ShouldBe(
        [
            new DateTime(2026, 3, 18, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 4, 2, 12, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 4, 8, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 4, 15, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 4, 22, 8, 0, 0, DateTimeKind.Utc),
        ]);
    }

    [Fact]
    public void MS_ASCAL_2_2_2_1_an_all_day_event_is_a_DATE_and_comes_back_at_the_phones_midnight()
    {
        var item = CalendarItem.Empty
            .With(CalendarPage.Timezone, EasTimeZoneTests.Berlin.ToBase64()).With(CalendarPage.AllDayEvent, "1")
            .With(CalendarPage.DtStamp, "20260301T100000Z").With(CalendarPage.StartTime, "20260328T230000Z")
            .With(CalendarPage.EndTime, "20260329T220000Z").With(CalendarPage.Subject, "Holiday").With(CalendarPage.UID, "allday-1");
        var phone = PhoneData(item, "14.1");

        var content = _codec.Create("id", phone, Context("14.1")).Content;

        content.ShouldContain("DTSTART;VALUE=DATE:20260329");
        content.ShouldContain("DTEND;VALUE=DATE:20260330");
        Xml(_codec.Build(content, Context("14.1"))).ShouldBe(Xml(phone));
    }

    [Fact]
    public void MS_ASCAL_2_2_2_13_a_16_x_ClientUid_becomes_the_item_id_and_the_UID()
    {
        var phone = PhoneData(DstSeries().With(CalendarPage.UID, null), "16.1");
        phone.Add(Eas.Wire.Wbxml.WbxmlElement.WithText(CalendarPage.ClientUid, "client-uid-7"));

        var write = _codec.Create("server-id", phone, Context("16.1"));

        write.ItemId.ShouldBe("client-uid-7");
        write.Content.ShouldContain("UID:client-uid-7");
    }

    [Fact]
    public void MS_ASCAL_2_2_2_46_an_Add_without_UID_is_stored_under_the_servers_id()
    {
        var write = _codec.Create("server-id", PhoneData(DstSeries().With(CalendarPage.UID, null), "14.1"), Context("14.1"));

        write.ItemId.ShouldBe("server-id");
        write.Content.ShouldContain("UID:server-id");
    }
}
