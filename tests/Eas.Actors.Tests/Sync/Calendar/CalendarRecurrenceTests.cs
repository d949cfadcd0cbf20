using System.Collections.Immutable;
using Eas.Actors.Sync.Calendar;
using NodaTime;
using static Eas.Actors.Tests.Sync.Calendar.CalendarTestData;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Tests.Sync.Calendar;

/// <summary>calendar:Recurrence (MS-ASCAL 2.2.2.37) to and from RRULE (RFC 5545 3.3.10).</summary>
public sealed class CalendarRecurrenceTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly LocalDateTime Start = new(2026, 3, 18, 10, 0);

    /// <summary>Recurrence children as "tag=value" pairs, and the RRULE they are.</summary>
    public static TheoryData<string, string> Patterns => new()
    {
        { "Type=0;Interval=2;Occurrences=10", "FREQ=DAILY;COUNT=10;INTERVAL=2" },
        { "Type=0;DayOfWeek=62", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR" },
        { "Type=1;Interval=1;DayOfWeek=8;Until=20260630T080000Z", "FREQ=WEEKLY;UNTIL=20260630T080000Z;INTERVAL=1;BYDAY=WE" },
        { "Type=1;DayOfWeek=42;FirstDayOfWeek=1", "FREQ=WEEKLY;BYDAY=MO,WE,FR;WKST=MO" },
        { "Type=2;DayOfMonth=18;Interval=1", "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=18" },
        { "Type=3;WeekOfMonth=3;DayOfWeek=8", "FREQ=MONTHLY;BYDAY=3WE" },
        { "Type=3;WeekOfMonth=5;DayOfWeek=32", "FREQ=MONTHLY;BYDAY=-1FR" },
        { "Type=3;WeekOfMonth=5;DayOfWeek=62", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1" },
        { "Type=5;MonthOfYear=3;DayOfMonth=18", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=18" },
        { "Type=6;MonthOfYear=11;WeekOfMonth=4;DayOfWeek=16", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH" },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void MS_ASCAL_2_2_2_37_each_recurrence_type_is_an_RRULE_and_reads_back_the_same(string fields, string rrule)
    {
        var recurrence = Parse(fields);

        var written = CalendarRecurrenceRule.Write(recurrence, Berlin, allDay: false);
        var read = CalendarRecurrenceRule.Read(written!, Start, Berlin);

        written.ShouldBe(rrule);
        read.Dropped.ShouldBeEmpty();
        read.Fields.ShouldNotBeNull();
        Format(read.Fields!).ShouldBe(Format(recurrence));
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,WE;BYSETPOS=1,3", "Type=3;WeekOfMonth=1;DayOfWeek=10", "BYSETPOS=1,3")]
    [InlineData("FREQ=DAILY;BYHOUR=9,17", "Type=0", "BYHOUR")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15", "Type=2;DayOfMonth=1", "BYMONTHDAY=1,15")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-1", "Type=2;DayOfMonth=18", "BYMONTHDAY<0")]
    [InlineData("FREQ=YEARLY;BYMONTH=1,7", "Type=5;DayOfMonth=18;MonthOfYear=1", "BYMONTH=1,7")]
    [InlineData("FREQ=MONTHLY;BYDAY=1MO,-1FR", "Type=3;WeekOfMonth=1;DayOfWeek=2", "BYDAY=-1FR")]
    public void MS_ASCAL_2_2_2_37_an_RRULE_beyond_EAS_is_read_as_its_nearest_pattern_and_says_what_it_dropped(string rrule, string nearest, string dropped)
    {
        var read = CalendarRecurrenceRule.Read(rrule, Start, Berlin);

        Format(read.Fields!).ShouldBe(Format(Parse(nearest)));
        read.Dropped.ShouldContain(dropped);
    }

    [Theory]
    [InlineData("FREQ=HOURLY;INTERVAL=4")]
    [InlineData("FREQ=SECONDLY")]
    [InlineData("INTERVAL=2")]
    public void MS_ASCAL_2_2_2_37_a_sub_daily_RRULE_has_no_EAS_pattern_and_the_event_is_sent_single(string rrule)
    {
        var read = CalendarRecurrenceRule.Read(rrule, Start, Berlin);

        read.Fields.ShouldBeNull();
        read.Dropped.ShouldNotBeEmpty();
    }

    [Fact]
    public void MS_ASCAL_2_2_2_37_a_weekly_RRULE_without_BYDAY_takes_the_start_day() =>
        Format(CalendarRecurrenceRule.Read("FREQ=WEEKLY", Start, Berlin).Fields!).ShouldBe("DayOfWeek=8;Type=1");

    [Fact]
    public void MS_ASCAL_2_2_2_37_a_DATE_UNTIL_is_midnight_of_that_day_in_the_zone() =>
        CalendarRecurrenceRule.Read("FREQ=DAILY;UNTIL=20260401", Start, Berlin).Fields![CalendarPage.Until].ShouldBe("20260331T220000Z");

    [Fact]
    public void MS_ASCAL_2_2_2_37_an_all_day_series_writes_UNTIL_as_a_DATE()
    {
        var recurrence = Parse("Type=0;Until=20260331T220000Z");

        CalendarRecurrenceRule.Write(recurrence, Berlin, allDay: true).ShouldBe("FREQ=DAILY;UNTIL=20260401");
    }

    [Fact]
    public void MS_ASCAL_2_2_2_37_a_Type_EAS_does_not_define_writes_no_RRULE() =>
        CalendarRecurrenceRule.Write(Parse("Type=4"), Berlin, allDay: false).ShouldBeNull();

    [Fact]
    public void MS_ASCAL_2_2_2_37_a_stored_RRULE_beyond_EAS_reaches_the_phone_in_its_nearest_form_and_is_logged()
    {
        var logger = new CapturingLogger<CalendarCodec>();
        var codec = new CalendarCodec(logger);
        var content = Ics("RRULE:FREQ=MONTHLY;BYDAY=MO,WE;BYSETPOS=1,3;BYHOUR=9");

        var data = codec.Build(content, Context("14.1"));

        var recurrence = data.Element(CalendarPage.Recurrence)!;
        recurrence.ValueOf(CalendarPage.Type).ShouldBe("3");
        recurrence.ValueOf(CalendarPage.WeekOfMonth).ShouldBe("1");
        recurrence.ValueOf(CalendarPage.DayOfWeek).ShouldBe("10");
        logger.Lines.ShouldContain(l => l.EventId == 4600 && l.Message.Contains("BYSETPOS=1,3") && l.Message.Contains("BYHOUR"));
    }

    internal static string Ics(string extra) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:r-1\r\nDTSTAMP:20260301T100000Z\r\n"
        + "DTSTART;TZID=Europe/Berlin:20260318T100000\r\nDTEND;TZID=Europe/Berlin:20260318T110000\r\nSUMMARY:Stored\r\n"
        + extra + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static ImmutableDictionary<ushort, string> Parse(string fields) =>
        fields.Split(';').Select(p => p.Split('=')).ToImmutableDictionary(p => Tag(p[0]), p => p[1]);

    private static string Format(ImmutableDictionary<ushort, string> fields) =>
        string.Join(';', fields.Select(f => $"{Name(f.Key)}={f.Value}").Order(StringComparer.Ordinal));

    private static ushort Tag(string name) => (ushort)typeof(CalendarPage).GetField(name)!.GetValue(null)!;

    private static string Name(ushort tag) => typeof(CalendarPage).GetFields().First(f => f.FieldType == typeof(ushort) && (ushort)f.GetValue(null)! == tag).Name;
}
