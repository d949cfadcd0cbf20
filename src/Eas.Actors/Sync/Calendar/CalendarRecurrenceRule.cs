using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Eas.Actors.Sync.Calendar.Ics;
using NodaTime;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// calendar:Recurrence (MS-ASCAL 2.2.2.37: Type 0 daily, 1 weekly, 2 monthly, 3 monthly on the n-th weekday, 5
/// yearly, 6 yearly on the n-th weekday; Interval, Until, Occurrences, DayOfWeek bitmask 1 = Sunday ... 64 = Saturday,
/// DayOfMonth, WeekOfMonth with 5 = last, MonthOfYear, FirstDayOfWeek 0 = Sunday) to and from an RRULE (RFC 5545
/// 3.3.10). An RRULE EAS cannot say is read as its nearest EAS pattern, and what was dropped is named in the
/// result's <see cref="RecurrenceReading.Dropped"/> so the caller logs it: sub-daily frequencies (no recurrence),
/// BYHOUR/BYMINUTE/BYSECOND/BYYEARDAY/BYWEEKNO (ignored), lists where EAS holds one value (the first is kept),
/// negative month days (the start's day).
/// </summary>
public static class CalendarRecurrenceRule
{
    private static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The RRULE value for the phone's Recurrence; null when its Type is none EAS defines.</summary>
    public static string? Write(ImmutableDictionary<ushort, string> recurrence, DateTimeZone zone, bool allDay)
    {
        ArgumentNullException.ThrowIfNull(recurrence);
        int? Number(ushort tag) => recurrence.TryGetValue(tag, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : null;
        var type = Number(CalendarPage.Type);
        var frequency = type switch { 0 => "DAILY", 1 => "WEEKLY", 2 or 3 => "MONTHLY", 5 or 6 => "YEARLY", _ => null };
        if (frequency is null) return null;
        var rule = new StringBuilder("FREQ=").Append(frequency);
        if (recurrence.TryGetValue(CalendarPage.Until, out var until) && CompactTime.TryParse(until, out var end))
        {
            rule.Append(";UNTIL=").Append(allDay
                ? new IcsDateTime(end.InZone(zone).LocalDateTime, true, false, null).FormatValue()
                : CompactTime.Format(end));
        }
        else if (Number(CalendarPage.Occurrences) is { } count)
        {
            rule.Append(CultureInfo.InvariantCulture, $";COUNT={count}");
        }

        if (Number(CalendarPage.Interval) is { } interval) rule.Append(CultureInfo.InvariantCulture, $";INTERVAL={interval}");
        var days = DayNames(Number(CalendarPage.DayOfWeek) ?? 0);
        var week = Number(CalendarPage.WeekOfMonth) is { } w ? (w >= 5 ? -1 : w) : 1;
        switch (type)
        {
            case 0 or 1 when days.Count > 0:
                rule.Append(";BYDAY=").Append(string.Join(',', days));
                break;
            case 2 or 5:
                if (type == 5 && Number(CalendarPage.MonthOfYear) is { } month) rule.Append(CultureInfo.InvariantCulture, $";BYMONTH={month}");
                if (Number(CalendarPage.DayOfMonth) is { } day) rule.Append(CultureInfo.InvariantCulture, $";BYMONTHDAY={day}");
                break;
            case 3 or 6:
                if (type == 6 && Number(CalendarPage.MonthOfYear) is { } m) rule.Append(CultureInfo.InvariantCulture, $";BYMONTH={m}");
                if (days.Count == 1) rule.Append(CultureInfo.InvariantCulture, $";BYDAY={week}{days[0]}");
                else if (days.Count > 1) rule.Append(";BYDAY=").Append(string.Join(',', days)).Append(CultureInfo.InvariantCulture, $";BYSETPOS={week}");
                break;
        }

        if (Number(CalendarPage.FirstDayOfWeek) is { } first and >= 0 and <= 6) rule.Append(";WKST=").Append(Days[first]);
        return rule.ToString();
    }

    /// <summary>The nearest Recurrence for an RRULE of a series starting at <paramref name="start"/> (local time).</summary>
    public static RecurrenceReading Read(string rrule, LocalDateTime start, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(rrule);
        ArgumentNullException.ThrowIfNull(zone);
        var dropped = new List<string>();
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in rrule.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2) parts[pair[0].Trim().ToUpperInvariant()] = pair[1].Trim().ToUpperInvariant();
        }

        foreach (var ignored in new[] { "BYHOUR", "BYMINUTE", "BYSECOND", "BYYEARDAY", "BYWEEKNO" })
        {
            if (parts.ContainsKey(ignored)) dropped.Add(ignored);
        }

        var fields = ImmutableDictionary.CreateBuilder<ushort, string>();
        void Set(ushort tag, int value) => fields[tag] = value.ToString(CultureInfo.InvariantCulture);
        var frequency = parts.GetValueOrDefault("FREQ");
        if (frequency is not ("DAILY" or "WEEKLY" or "MONTHLY" or "YEARLY"))
        {
            dropped.Add("FREQ=" + (frequency ?? "(none)"));
            return new RecurrenceReading(null, dropped);
        }

        if (parts.TryGetValue("INTERVAL", out var intervalText) && int.TryParse(intervalText, CultureInfo.InvariantCulture, out var interval) && interval > 0)
            Set(CalendarPage.Interval, interval);
        if (parts.TryGetValue("COUNT", out var countText) && int.TryParse(countText, CultureInfo.InvariantCulture, out var count) && count > 0)
            Set(CalendarPage.Occurrences, count);
        else if (parts.TryGetValue("UNTIL", out var untilText) && IcsDateTime.Parse(untilText, null) is { } until)
            fields[CalendarPage.Until] = CompactTime.Format(until.IsDate ? zone.AtStartOfDay(until.Local.Date).ToInstant() : until.ToInstant(zone));
        if (parts.TryGetValue("WKST", out var wkst) && Array.IndexOf(Days, wkst) is var firstDay and >= 0) Set(CalendarPage.FirstDayOfWeek, firstDay);

        var byDay = ParseDays(parts.GetValueOrDefault("BYDAY"), dropped);
        var setPosition = FirstNumber(parts.GetValueOrDefault("BYSETPOS"), "BYSETPOS", dropped);
        var monthDay = FirstNumber(parts.GetValueOrDefault("BYMONTHDAY"), "BYMONTHDAY", dropped);
        var month = FirstNumber(parts.GetValueOrDefault("BYMONTH"), "BYMONTH", dropped) ?? start.Month;
        var ordinal = byDay.Ordinal ?? setPosition;
        if (monthDay is < 0)
        {
            dropped.Add("BYMONTHDAY<0");
            monthDay = start.Day;
        }

        switch (frequency)
        {
            case "DAILY":
                Set(CalendarPage.Type, 0);
                if (byDay.Mask != 0) Set(CalendarPage.DayOfWeek, byDay.Mask);
                break;
            case "WEEKLY":
                Set(CalendarPage.Type, 1);
                Set(CalendarPage.DayOfWeek, byDay.Mask != 0 ? byDay.Mask : 1 << ((int)start.DayOfWeek % 7));
                break;
            case "MONTHLY" when byDay.Mask != 0:
                Set(CalendarPage.Type, 3);
                Set(CalendarPage.WeekOfMonth, WeekOfMonth(ordinal ?? 1));
                Set(CalendarPage.DayOfWeek, byDay.Mask);
                break;
            case "MONTHLY":
                Set(CalendarPage.Type, 2);
                Set(CalendarPage.DayOfMonth, monthDay ?? start.Day);
                break;
            case "YEARLY" when byDay.Mask != 0:
                Set(CalendarPage.Type, 6);
                Set(CalendarPage.WeekOfMonth, WeekOfMonth(ordinal ?? 1));
                Set(CalendarPage.DayOfWeek, byDay.Mask);
                Set(CalendarPage.MonthOfYear, month);
                break;
            default:
                Set(CalendarPage.Type, 5);
                Set(CalendarPage.DayOfMonth, monthDay ?? start.Day);
                Set(CalendarPage.MonthOfYear, month);
                break;
        }

        return new RecurrenceReading(fields.ToImmutable(), dropped);
    }

    private static int WeekOfMonth(int ordinal) => ordinal < 0 ? 5 : Math.Clamp(ordinal, 1, 5);

    private static List<string> DayNames(int mask)
    {
        var names = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            if ((mask & (1 << i)) != 0) names.Add(Days[i]);
        }

        return names;
    }

    private static (int Mask, int? Ordinal) ParseDays(string? byDay, List<string> dropped)
    {
        if (string.IsNullOrEmpty(byDay)) return (0, null);
        var mask = 0;
        int? ordinal = null;
        foreach (var entry in byDay.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Length < 2 || Array.IndexOf(Days, entry[^2..]) is not (var day and >= 0)) continue;
            int? n = entry.Length > 2 && int.TryParse(entry[..^2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            if (ordinal is not null && n != ordinal)
            {
                dropped.Add("BYDAY=" + entry);
                continue;
            }

            ordinal ??= n;
            mask |= 1 << day;
        }

        return (mask, ordinal);
    }

    private static int? FirstNumber(string? list, string name, List<string> dropped)
    {
        if (string.IsNullOrEmpty(list)) return null;
        var values = list.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (values.Length > 1) dropped.Add(name + "=" + list);
        return int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}

/// <summary>The Recurrence read from an RRULE (null when it has none EAS can hold) and the parts that did not fit.</summary>
public sealed record RecurrenceReading(ImmutableDictionary<ushort, string>? Fields, IReadOnlyList<string> Dropped);
