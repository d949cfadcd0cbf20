using System.Globalization;
using Eas.Actors.Sync.Pim;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Eas.Actors.Sync.Tasks;

/// <summary>
/// A task's tasks:Recurrence (MS-ASTASK 2.2.2.20) as an RRULE (RFC 5545 3.3.10) and back.
/// <list type="bullet">
/// <item>Daily (Type 0): FREQ=DAILY. Weekly (1): FREQ=WEEKLY;BYDAY=the DayOfWeek bits;WKST=FirstDayOfWeek.
/// Monthly (2): FREQ=MONTHLY;BYMONTHDAY. Monthly on the nth day (3): FREQ=MONTHLY;BYDAY=nDD for one day, BYDAY=the days
/// with BYSETPOS=n for several, BYMONTHDAY=-1 for DayOfWeek 127 in week 5 (the last day). Yearly (5) and yearly on the
/// nth day (6) add BYMONTH. Interval, Occurrences and Until are INTERVAL, COUNT and UNTIL.</item>
/// <item>What RRULE cannot say is kept beside it in X- properties: the recurrence's Start (it need not be DTSTART),
/// Regenerate, DeadOccur, CalendarType and IsLeapMonth (no RSCALE, RFC 7529, in Ical.Net).</item>
/// <item>FirstDayOfWeek is always read from the rule: without WKST it is Monday, RFC 5545's default.</item>
/// <item>An RRULE beyond EAS is given its nearest faithful form, and each part left out is named for the log: a frequency under a day (no Recurrence at all), BYHOUR, BYMINUTE,
/// BYSECOND, BYYEARDAY, BYWEEKNO, more than one BYMONTH or BYMONTHDAY, weekdays with different ordinals.</item>
/// </list>
/// </summary>
public static class TaskRRule
{
    private const string StartProperty = "X-EAS-RECURRENCE-START";
    private const string RegenerateProperty = "X-EAS-REGENERATE";
    private const string DeadOccurProperty = "X-EAS-DEAD-OCCUR";
    private const string CalendarTypeProperty = "X-EAS-CALENDAR-TYPE";
    private const string LeapMonthProperty = "X-EAS-LEAP-MONTH";

    private static readonly DayOfWeek[] Week = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    /// <summary>Writes the recurrence (null: none) as the component's one RRULE and its X- properties.</summary>
    public static void Write(Todo todo, TaskRecurrence? recurrence)
    {
        ArgumentNullException.ThrowIfNull(todo);
        todo.RecurrenceRule = recurrence is null ? null! : ToRule(recurrence);
        PimICalendar.SetText(todo, StartProperty, recurrence is null ? null : UtcText(recurrence.Start));
        PimICalendar.SetText(todo, RegenerateProperty, Bit(recurrence?.Regenerate));
        PimICalendar.SetText(todo, DeadOccurProperty, Bit(recurrence?.DeadOccur));
        PimICalendar.SetText(todo, CalendarTypeProperty, recurrence?.CalendarType?.ToString(CultureInfo.InvariantCulture));
        PimICalendar.SetText(todo, LeapMonthProperty, Bit(recurrence?.IsLeapMonth));
    }

    /// <summary>The component's recurrence as EAS can say it, or null; what it cannot say is added to <paramref name="lost"/>.</summary>
    public static TaskRecurrence? Read(Todo todo, DateTime fallbackStart, ICollection<string> lost)
    {
        ArgumentNullException.ThrowIfNull(todo);
        ArgumentNullException.ThrowIfNull(lost);
        var rules = todo.Properties.Count(p => string.Equals(p.Name, "RRULE", StringComparison.OrdinalIgnoreCase));
        if (rules == 0 || todo.RecurrenceRule is not { } rule) return null;
        if (rules > 1) lost.Add("all but the first of " + rules.ToString(CultureInfo.InvariantCulture) + " RRULEs");
        if (todo.ExceptionDates?.GetAllDates().Any() == true || todo.RecurrenceDates?.GetAllDates().Any() == true) lost.Add("EXDATE/RDATE");
        var start = PimICalendar.ParseWireTime(PimICalendar.GetText(todo, StartProperty)) ?? todo.DtStart?.AsUtc ?? todo.Due?.AsUtc ?? fallbackStart;
        var pattern = FromRule(rule, start, lost);
        if (pattern is null) return null;
        var calendarType = int.TryParse(PimICalendar.GetText(todo, CalendarTypeProperty), NumberStyles.Integer, CultureInfo.InvariantCulture, out var type) ? type : (int?)null;
        return pattern with
        {
            Start = DateTime.SpecifyKind(start, DateTimeKind.Utc),
            Regenerate = ReadBit(PimICalendar.GetText(todo, RegenerateProperty)),
            DeadOccur = ReadBit(PimICalendar.GetText(todo, DeadOccurProperty)),
            CalendarType = calendarType,
            IsLeapMonth = ReadBit(PimICalendar.GetText(todo, LeapMonthProperty)),
        };
    }

    private static RecurrenceRule ToRule(TaskRecurrence recurrence)
    {
        var frequency = recurrence.Type switch
        {
            TaskRecurrenceType.Daily => FrequencyType.Daily,
            TaskRecurrenceType.Weekly => FrequencyType.Weekly,
            TaskRecurrenceType.Monthly or TaskRecurrenceType.MonthlyOnNthDay => FrequencyType.Monthly,
            _ => FrequencyType.Yearly,
        };
        var rule = new RecurrenceRule(frequency, Math.Max(1, recurrence.Interval ?? 1));
        var anchor = recurrence.Start;
        switch (recurrence.Type)
        {
            case TaskRecurrenceType.Weekly:
                rule.ByDay.AddRange(Days(recurrence.DayOfWeek ?? DayBit(anchor.DayOfWeek)).Select(d => new WeekDay(d)));
                break;
            case TaskRecurrenceType.Monthly:
                rule.ByMonthDay.Add(recurrence.DayOfMonth ?? anchor.Day);
                break;
            case TaskRecurrenceType.Yearly:
                rule.ByMonth.Add(recurrence.MonthOfYear ?? anchor.Month);
                rule.ByMonthDay.Add(recurrence.DayOfMonth ?? anchor.Day);
                break;
            case TaskRecurrenceType.MonthlyOnNthDay or TaskRecurrenceType.YearlyOnNthDay:
                if (recurrence.Type == TaskRecurrenceType.YearlyOnNthDay) rule.ByMonth.Add(recurrence.MonthOfYear ?? anchor.Month);
                var mask = recurrence.DayOfWeek ?? DayBit(anchor.DayOfWeek);
                var week = recurrence.WeekOfMonth is 5 or null ? -1 : recurrence.WeekOfMonth.Value;
                var days = Days(mask).ToList();
                if (mask == (int)TaskDays.LastDayOfMonth && week == -1) rule.ByMonthDay.Add(-1);
                else if (days.Count == 1) rule.ByDay.Add(new WeekDay(days[0], week));
                else
                {
                    rule.ByDay.AddRange(days.Select(d => new WeekDay(d)));
                    rule.BySetPosition.Add(week);
                }

                break;
        }

        if (recurrence.Occurrences is { } count) rule.Count = count;
        if (recurrence.Until is { } until) rule.Until = PimICalendar.Utc(until);
        if (recurrence.FirstDayOfWeek is { } first && first is >= 0 and <= 6) rule.FirstDayOfWeek = Week[first];
        return rule;
    }

    private static TaskRecurrence? FromRule(RecurrenceRule rule, DateTime anchor, ICollection<string> lost)
    {
        if (rule.Frequency is FrequencyType.Secondly or FrequencyType.Minutely or FrequencyType.Hourly)
        {
            lost.Add("FREQ=" + rule.Frequency.ToString().ToUpperInvariant() + " (no Recurrence sent)");
            return null;
        }

        if (rule.ByHour.Count > 0) lost.Add("BYHOUR");
        if (rule.ByMinute.Count > 0) lost.Add("BYMINUTE");
        if (rule.BySecond.Count > 0) lost.Add("BYSECOND");
        if (rule.ByYearDay.Count > 0) lost.Add("BYYEARDAY");
        if (rule.ByWeekNo.Count > 0) lost.Add("BYWEEKNO");
        if (rule.ByMonth.Count > 1) lost.Add("BYMONTH beyond the first");
        if (rule.ByMonthDay.Count > 1) lost.Add("BYMONTHDAY beyond the first");
        var interval = Math.Max(1, rule.Interval);
        var recurrence = new TaskRecurrence
        {
            Interval = interval,
            Occurrences = rule.Count,
            Until = rule.Until is { } until ? DateTime.SpecifyKind(until.AsUtc, DateTimeKind.Utc) : null,
            FirstDayOfWeek = (int)rule.FirstDayOfWeek,
        };
        var plainDays = rule.ByDay.Where(d => d.Offset is null or 0).Select(d => d.DayOfWeek).ToList();
        switch (rule.Frequency)
        {
            case FrequencyType.Daily when plainDays.Count > 0 && interval == 1:
            case FrequencyType.Weekly:
                return recurrence with { Type = TaskRecurrenceType.Weekly, DayOfWeek = plainDays.Count > 0 ? Mask(plainDays) : DayBit(anchor.DayOfWeek) };
            case FrequencyType.Daily:
                if (rule.ByDay.Count > 0) lost.Add("BYDAY of a daily rule with an interval");
                return recurrence with { Type = TaskRecurrenceType.Daily };
            case FrequencyType.Monthly:
                return DayInMonth(rule, recurrence, anchor, yearly: false, lost);
            default:
                return DayInMonth(rule, recurrence with { MonthOfYear = rule.ByMonth.Count > 0 ? rule.ByMonth[0] : anchor.Month }, anchor, yearly: true, lost);
        }
    }

    private static TaskRecurrence DayInMonth(RecurrenceRule rule, TaskRecurrence recurrence, DateTime anchor, bool yearly, ICollection<string> lost)
    {
        var byDate = yearly ? TaskRecurrenceType.Yearly : TaskRecurrenceType.Monthly;
        var byWeekday = yearly ? TaskRecurrenceType.YearlyOnNthDay : TaskRecurrenceType.MonthlyOnNthDay;
        if (rule.ByMonthDay.Count > 0)
        {
            var day = rule.ByMonthDay[0];
            if (day == -1) return recurrence with { Type = byWeekday, DayOfWeek = (int)TaskDays.LastDayOfMonth, WeekOfMonth = 5 };
            if (day < 1)
            {
                lost.Add("BYMONTHDAY=" + day.ToString(CultureInfo.InvariantCulture));
                day = anchor.Day;
            }

            return recurrence with { Type = byDate, DayOfMonth = day };
        }

        if (rule.ByDay.Count == 0) return recurrence with { Type = byDate, DayOfMonth = anchor.Day };
        var ordinal = rule.ByDay[0].Offset is { } offset and not 0 ? offset : rule.BySetPosition.Count > 0 ? rule.BySetPosition[0] : (int?)null;
        if (ordinal is null)
        {
            lost.Add("BYDAY without an ordinal in a " + (yearly ? "yearly" : "monthly") + " rule (taken as the first)");
            ordinal = 1;
        }

        var sameOrdinal = rule.ByDay.Where(d => (d.Offset is null or 0 ? ordinal : d.Offset) == ordinal).Select(d => d.DayOfWeek).ToList();
        if (sameOrdinal.Count < rule.ByDay.Count) lost.Add("weekdays with different ordinals");
        if (rule.BySetPosition.Count > 1) lost.Add("BYSETPOS beyond the first");
        var week = ordinal.Value switch
        {
            -1 => 5,
            >= 1 and <= 4 => ordinal.Value,
            _ => LostOrdinal(ordinal.Value, lost),
        };
        return recurrence with { Type = byWeekday, DayOfWeek = Mask(sameOrdinal), WeekOfMonth = week };
    }

    private static int LostOrdinal(int ordinal, ICollection<string> lost)
    {
        lost.Add("weekday ordinal " + ordinal.ToString(CultureInfo.InvariantCulture) + " (taken as the last)");
        return 5;
    }

    private static IEnumerable<DayOfWeek> Days(int mask) => Week.Where(d => (mask & DayBit(d)) != 0);

    private static int DayBit(DayOfWeek day) => 1 << (int)day;

    private static int Mask(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (mask, day) => mask | DayBit(day));

    private static string? Bit(bool? value) => value is { } set ? (set ? "1" : "0") : null;

    private static bool? ReadBit(string? text) => text?.Trim() switch { "1" => true, "0" => false, _ => null };

    private static string UtcText(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
