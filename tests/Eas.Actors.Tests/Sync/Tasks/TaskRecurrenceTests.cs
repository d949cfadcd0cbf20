using Eas.Actors.Sync.Tasks;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Tasks.TaskTestData;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Tests.Sync.Tasks;

/// <summary>tasks:Recurrence (MS-ASTASK 2.2.2.20) as RRULE and back, and RRULEs beyond EAS.</summary>
public sealed class TaskRecurrenceTests
{
    private readonly TasksCodec codec = new();

    private static WbxmlElement Recurring(params (ushort Tag, string Value)[] fields) =>
        Data(Text(TasksPage.Subject, "r"), Text(TasksPage.Complete, "0"),
            WbxmlElement.WithChildren(TasksPage.Recurrence, [Text(TasksPage.Start, "2026-12-07T09:00:00.000Z"), .. fields.Select(f => Text(f.Tag, f.Value))]));

    public static TheoryData<string, (ushort, string)[], string> Patterns => new()
    {
        { "daily every 3 days, 5 times", [(TasksPage.Type, "0"), (TasksPage.Interval, "3"), (TasksPage.Occurrences, "5")], "RRULE:FREQ=DAILY;INTERVAL=3;COUNT=5" },
        { "weekly Monday and Wednesday", [(TasksPage.Type, "1"), (TasksPage.Interval, "1"), (TasksPage.DayOfWeek, "10")], "BYDAY=MO,WE" },
        { "monthly on the 15th until", [(TasksPage.Type, "2"), (TasksPage.Interval, "1"), (TasksPage.DayOfMonth, "15"), (TasksPage.Until, "2027-06-30T00:00:00.000Z")], "BYMONTHDAY=15" },
        { "monthly second Tuesday", [(TasksPage.Type, "3"), (TasksPage.Interval, "1"), (TasksPage.DayOfWeek, "4"), (TasksPage.WeekOfMonth, "2")], "BYDAY=2TU" },
        { "monthly last weekday", [(TasksPage.Type, "3"), (TasksPage.Interval, "1"), (TasksPage.DayOfWeek, "62"), (TasksPage.WeekOfMonth, "5")], "BYSETPOS=-1" },
        { "monthly last day", [(TasksPage.Type, "3"), (TasksPage.Interval, "1"), (TasksPage.DayOfWeek, "127"), (TasksPage.WeekOfMonth, "5")], "BYMONTHDAY=-1" },
        { "yearly 3 March", [(TasksPage.Type, "5"), (TasksPage.Interval, "1"), (TasksPage.MonthOfYear, "3"), (TasksPage.DayOfMonth, "3")], "BYMONTH=3" },
        { "yearly last Friday of November", [(TasksPage.Type, "6"), (TasksPage.Interval, "1"), (TasksPage.MonthOfYear, "11"), (TasksPage.DayOfWeek, "32"), (TasksPage.WeekOfMonth, "5")], "BYDAY=-1FR" },
        { "regenerating weekly", [(TasksPage.Type, "1"), (TasksPage.Interval, "1"), (TasksPage.DayOfWeek, "2"), (TasksPage.Regenerate, "1"), (TasksPage.DeadOccur, "0")], "X-EAS-REGENERATE:1" },
        { "week starting Sunday", [(TasksPage.Type, "1"), (TasksPage.Interval, "1"), (TasksPage.DayOfWeek, "2"), (TasksPage.FirstDayOfWeek, "0")], "WKST=SU" },
        { "lunar calendar type", [(TasksPage.Type, "5"), (TasksPage.Interval, "1"), (TasksPage.MonthOfYear, "1"), (TasksPage.DayOfMonth, "1"), (TasksPage.CalendarType, "15"), (TasksPage.IsLeapMonth, "1")], "X-EAS-CALENDAR-TYPE:15" },
    };

    /// <summary>What the phone sent, with RFC 5545's default week start (Monday) where it named none.</summary>
    private static TaskRecurrence Expected(WbxmlElement sent)
    {
        var recurrence = TaskWbxml.Read(sent, ProtocolVersion.V161).Item.Recurrence!;
        return recurrence with { FirstDayOfWeek = recurrence.FirstDayOfWeek ?? 1 };
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void MS_ASTASK_2_2_2_20_each_pattern_round_trips_through_its_RRULE(string name, (ushort, string)[] fields, string expected)
    {
        var sent = Recurring(fields);
        var content = codec.Create("t", sent, Context(ProtocolVersion.V161)).Content;

        content.ShouldContain(expected, customMessage: name);
        ReadBack(codec.Build(content, Context(ProtocolVersion.V161)), ProtocolVersion.V161).Recurrence
            .ShouldBe(Expected(sent), customMessage: name);
    }

    [Theory]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=2MO,3TU", TaskRecurrenceType.MonthlyOnNthDay, 2, 2)]
    [InlineData("RRULE:FREQ=DAILY;BYHOUR=9,17", TaskRecurrenceType.Daily, null, null)]
    [InlineData("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", TaskRecurrenceType.Weekly, 62, null)]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15", TaskRecurrenceType.Monthly, null, null)]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=1,7;BYDAY=1SU", TaskRecurrenceType.YearlyOnNthDay, 1, 1)]
    public void MS_ASTASK_2_2_2_20_an_RRULE_beyond_EAS_is_sent_in_its_nearest_form(string rrule, TaskRecurrenceType type, int? days, int? week)
    {
        var recurrence = ReadBack(codec.Build(Todo("DTSTART:20261207T090000Z", rrule), Context(ProtocolVersion.V161)), ProtocolVersion.V161).Recurrence!;
        recurrence.Type.ShouldBe(type);
        recurrence.DayOfWeek.ShouldBe(days);
        recurrence.WeekOfMonth.ShouldBe(week);
        recurrence.Start.ShouldBe(new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void MS_ASTASK_2_2_2_20_a_rule_more_often_than_daily_is_sent_without_Recurrence()
    {
        ReadBack(codec.Build(Todo("DTSTART:20261207T090000Z", "RRULE:FREQ=HOURLY;INTERVAL=4"), Context(ProtocolVersion.V161)), ProtocolVersion.V161)
            .Recurrence.ShouldBeNull();
    }

    [Fact]
    public void MS_ASTASK_2_2_2_20_a_change_that_keeps_the_nearest_form_keeps_the_stored_RRULE()
    {
        var stored = Todo("DTSTART:20261207T090000Z", "SUMMARY:old", "RRULE:FREQ=MONTHLY;BYDAY=2MO,3TU");
        var seen = codec.Build(stored, Context(ProtocolVersion.V161));
        var edited = Edited(seen, Text(TasksPage.Subject, "new"));

        var changed = codec.Change("t1", stored, ThroughBytes(edited), Context(ProtocolVersion.V161)).Content;

        changed.ShouldContain("SUMMARY:new");
        changed.ShouldContain("RRULE:FREQ=MONTHLY;BYDAY=2MO,3TU");
    }

    [Fact]
    public void MS_ASTASK_2_2_2_20_a_recurrence_the_phone_removes_removes_the_RRULE()
    {
        var stored = codec.Create("t", Recurring((TasksPage.Type, "0"), (TasksPage.Interval, "1")), Context(ProtocolVersion.V161)).Content;
        var changed = codec.Change("t", stored, Data(Text(TasksPage.Subject, "r"), Text(TasksPage.Complete, "0")), Context(ProtocolVersion.V161)).Content;
        changed.ShouldNotContain("RRULE");
        changed.ShouldNotContain("X-EAS-RECURRENCE-START");
    }
}
