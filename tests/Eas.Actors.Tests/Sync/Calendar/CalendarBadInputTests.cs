using Eas.Actors.Sync.Calendar;
using Eas.Actors.Sync.Calendar.TimeZones;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Calendar.CalendarTestData;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Tests.Sync.Calendar;

/// <summary>Stored objects the phone cannot have and phone items that cannot be stored: the nearest form, or the codec's two exceptions, never another.</summary>
public sealed class CalendarBadInputTests
{
    private readonly CapturingLogger<CalendarCodec> _logger = new();

    private CalendarCodec Codec => new(_logger);

    [Fact]
    public void MS_ASCAL_2_2_2_44_an_unknown_TZID_without_VTIMEZONE_is_read_as_UTC_and_logged()
    {
        var content = CalendarRecurrenceTests.Ics("").Replace("Europe/Berlin", "Mars/Olympus_Mons", StringComparison.Ordinal);

        var data = Codec.Build(content, Context("14.1"));

        data.ValueOf(CalendarPage.StartTime).ShouldBe("20260318T100000Z");
        EasTimeZone.FromBase64(data.ValueOf(CalendarPage.Timezone)!).StandardOffset.ShouldBe(NodaTime.Offset.Zero);
        _logger.Lines.ShouldContain(l => l.EventId == 4600 && l.Message.Contains("Mars/Olympus_Mons"));
    }

    [Fact]
    public void MS_ASCAL_2_2_2_44_a_Windows_zone_name_as_TZID_is_read_through_the_CLDR_mapping()
    {
        var content = CalendarRecurrenceTests.Ics("").Replace("Europe/Berlin", "W. Europe Standard Time", StringComparison.Ordinal);

        Codec.Build(content, Context("14.1")).ValueOf(CalendarPage.StartTime).ShouldBe("20260318T090000Z");
    }

    [Fact]
    public void RFC_5545_3_1_broken_lines_are_skipped_and_logged_and_the_rest_is_synced()
    {
        var content = CalendarRecurrenceTests.Ics("this line has no colon\r\n;BAD=1:x\r\nLOCATION:Kept");

        var data = Codec.Build(content, Context("14.1"));

        data.ValueOf(CalendarPage.Location).ShouldBe("Kept");
        _logger.Lines.ShouldContain(l => l.EventId == 4601);
    }

    [Theory]
    [InlineData("not an icalendar at all")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-03-18\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("")]
    public void MS_ASCMD_2_2_3_11_content_that_cannot_be_read_at_all_is_a_PimContentException(string content) =>
        Should.Throw<PimContentException>(() => Codec.Build(content, Context("14.1")));

    [Fact]
    public void MS_ASDTYPE_2_7_a_phone_Timezone_that_is_no_blob_rejects_the_item()
    {
        var phone = PhoneData(DstSeries().With(CalendarPage.Timezone, "bm90IGEgYmxvYg=="), "14.1");

        Should.Throw<PimItemRejectedException>(() => Codec.Create("id", phone, Context("14.1")));
    }

    [Theory]
    [InlineData(CalendarPage.StartTime, "yesterday")]
    [InlineData(CalendarPage.DtStamp, "2026-13-45")]
    public void MS_ASDTYPE_2_7_2_a_date_time_that_is_no_compact_date_time_rejects_the_item(ushort tag, string value)
    {
        var phone = PhoneData(DstSeries().With(tag, null), "14.1");
        phone.Add(WbxmlElement.WithText(tag, value));

        Should.Throw<PimItemRejectedException>(() => Codec.Create("id", phone, Context("14.1")));
    }

    [Fact]
    public void MS_ASCAL_2_2_2_42_an_Add_without_StartTime_rejects_the_item() =>
        Should.Throw<PimItemRejectedException>(() => Codec.Create("id", PhoneData(DstSeries().With(CalendarPage.StartTime, null), "14.1"), Context("14.1")));

    [Fact]
    public void MS_ASAIRS_2_2_2_25_an_InstanceId_that_is_no_date_time_rejects_the_delete()
    {
        var content = Codec.Create("id", PhoneData(DstSeries(), "16.1"), Context("16.1")).Content;

        Should.Throw<PimItemRejectedException>(() => Codec.RemoveInstance("id", content, "tomorrow", Context("16.1")));
    }

    [Fact]
    public void MS_ASCMD_2_2_3_24_a_Change_to_unreadable_stored_content_starts_from_an_empty_item()
    {
        var write = Codec.Change("id", "garbage", PhoneData(DstSeries(), "14.1"), Context("14.1"));

        Codec.Build(write.Content, Context("14.1")).ValueOf(CalendarPage.Subject).ShouldBe("Weekly review");
        _logger.Lines.ShouldContain(l => l.EventId == 4602);
    }
}
