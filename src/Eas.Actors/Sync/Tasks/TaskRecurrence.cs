namespace Eas.Actors.Sync.Tasks;

/// <summary>
/// A task's tasks:Recurrence (MS-ASTASK 2.2.2.20) and its children. <see cref="Start"/> is required on the wire;
/// CalendarType and IsLeapMonth are 14.0+, FirstDayOfWeek 14.1+ (MS-ASTASK 2.2.2.4, 2.2.2.16, 2.2.2.13).
/// </summary>
public sealed record TaskRecurrence
{
    public TaskRecurrenceType Type { get; init; }

    public DateTime Start { get; init; }

    public DateTime? Until { get; init; }

    public int? Occurrences { get; init; }

    public int? Interval { get; init; }

    /// <summary>MS-ASTASK 2.2.2.9: 1-31.</summary>
    public int? DayOfMonth { get; init; }

    /// <summary>MS-ASTASK 2.2.2.10: a bit mask (<see cref="TaskDays"/>); 127 with WeekOfMonth 5 is the last day of the month.</summary>
    public int? DayOfWeek { get; init; }

    /// <summary>MS-ASTASK 2.2.2.33: 1-4, and 5 for the last week of the month.</summary>
    public int? WeekOfMonth { get; init; }

    /// <summary>MS-ASTASK 2.2.2.17: 1-12.</summary>
    public int? MonthOfYear { get; init; }

    /// <summary>MS-ASTASK 2.2.2.21: the next occurrence is due the interval after this one is completed.</summary>
    public bool? Regenerate { get; init; }

    /// <summary>MS-ASTASK 2.2.2.11: the task is the last of its series.</summary>
    public bool? DeadOccur { get; init; }

    /// <summary>MS-ASTASK 2.2.2.4 (14.0+): 0 default, 1 Gregorian, others non-Gregorian calendars.</summary>
    public int? CalendarType { get; init; }

    /// <summary>MS-ASTASK 2.2.2.16 (14.0+): the month is a leap month of a lunar calendar.</summary>
    public bool? IsLeapMonth { get; init; }

    /// <summary>MS-ASTASK 2.2.2.13 (14.1+): 0 Sunday ... 6 Saturday.</summary>
    public int? FirstDayOfWeek { get; init; }
}

/// <summary>tasks:Type (MS-ASTASK 2.2.2.29): the pattern of a recurring task.</summary>
public enum TaskRecurrenceType
{
    Daily = 0,
    Weekly = 1,

    /// <summary>On a day of the month (DayOfMonth).</summary>
    Monthly = 2,

    /// <summary>On the nth weekday of the month (WeekOfMonth, DayOfWeek).</summary>
    MonthlyOnNthDay = 3,

    /// <summary>On a day of a month (MonthOfYear, DayOfMonth).</summary>
    Yearly = 5,

    /// <summary>On the nth weekday of a month (MonthOfYear, WeekOfMonth, DayOfWeek).</summary>
    YearlyOnNthDay = 6,
}

/// <summary>The bits of tasks:DayOfWeek (MS-ASTASK 2.2.2.10).</summary>
[Flags]
public enum TaskDays
{
    None = 0,
    Sunday = 1,
    Monday = 2,
    Tuesday = 4,
    Wednesday = 8,
    Thursday = 16,
    Friday = 32,
    Saturday = 64,

    /// <summary>Every day; with WeekOfMonth 5, the last day of the month.</summary>
    LastDayOfMonth = 127,
}
