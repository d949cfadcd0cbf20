using Ical.Net;
using Ical.Net.DataTypes;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// A series' rule in the terms of email:Recurrence (MS-ASEMAIL 2.2.2.60): Type (2.2.2.76: 0 daily, 1 weekly, 2 monthly,
/// 3 monthly on the nth weekday, 5 yearly, 6 yearly on the nth weekday), Interval, Until, Occurrences, WeekOfMonth
/// (1-5, 5 the last), DayOfMonth, DayOfWeek (a mask: Sunday 1 … Saturday 64) and MonthOfYear.
/// </summary>
public sealed record MeetingRecurrence(int Type, int Interval)
{
    public DateTime? Until { get; init; }
    public int? Occurrences { get; init; }
    public int? WeekOfMonth { get; init; }
    public int? DayOfMonth { get; init; }
    public int? DayOfWeek { get; init; }
    public int? MonthOfYear { get; init; }

    /// <summary>
    /// The nearest EAS form of an RRULE (RFC 5545 3.3.10); null for what EAS cannot say (secondly to hourly rules, a
    /// BYSETPOS other than the nth-weekday forms), so the meeting shows as its first occurrence rather than a wrong series.
    /// </summary>
    public static MeetingRecurrence? From(RecurrenceRule rule, DateTime start)
    {
        var interval = Math.Max(1, rule.Interval);
        var days = rule.ByDay.Aggregate(0, (mask, day) => mask | (1 << (int)day.DayOfWeek));
        var nth = rule.ByDay.FirstOrDefault(d => d.Offset is not null)?.Offset ?? (rule.BySetPosition.Count == 1 ? rule.BySetPosition[0] : (int?)null);
        var week = nth is { } n ? (n < 0 ? 5 : Math.Min(n, 5)) : (int?)null;
        MeetingRecurrence? recurrence = rule.Frequency switch
        {
            FrequencyType.Daily when days == 0 => new(0, interval),
            FrequencyType.Daily => new(1, 1) { DayOfWeek = days },
            FrequencyType.Weekly => new(1, interval) { DayOfWeek = days == 0 ? 1 << (int)start.DayOfWeek : days },
            FrequencyType.Monthly when week is not null && days != 0 => new(3, interval) { WeekOfMonth = week, DayOfWeek = days },
            FrequencyType.Monthly when days == 0 => new(2, interval) { DayOfMonth = rule.ByMonthDay.FirstOrDefault(start.Day) },
            FrequencyType.Yearly when week is not null && days != 0 => new(6, interval) { WeekOfMonth = week, DayOfWeek = days, MonthOfYear = rule.ByMonth.FirstOrDefault(start.Month) },
            FrequencyType.Yearly when days == 0 => new(5, interval) { DayOfMonth = rule.ByMonthDay.FirstOrDefault(start.Day), MonthOfYear = rule.ByMonth.FirstOrDefault(start.Month) },
            _ => null,
        };
        return recurrence is null ? null : recurrence with { Until = rule.Until?.AsUtc, Occurrences = rule.Count };
    }
}
