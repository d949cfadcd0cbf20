using Microsoft.Extensions.Logging;

namespace Eas.Actors.Sync.Tasks;

/// <summary>Log lines of the tasks codec (event ids 4650-4659).</summary>
internal static partial class TasksLog
{
    [LoggerMessage(4650, LogLevel.Information, "Task {Item}: its RRULE says more than EAS can ({Lost}); the phone gets the nearest form and the stored rule stays until the phone changes the recurrence")]
    public static partial void RecurrenceBeyondEas(ILogger logger, string item, string lost);

    [LoggerMessage(4651, LogLevel.Warning, "Task {Item}: {Lines} broken iCalendar lines dropped to read it")]
    public static partial void BrokenLines(ILogger logger, string item, int lines);

    [LoggerMessage(4652, LogLevel.Information, "Task {Item}: recurrence in calendar type {CalendarType}, which RRULE cannot say here; kept in X-EAS-CALENDAR-TYPE beside a Gregorian RRULE")]
    public static partial void NonGregorianRecurrence(ILogger logger, string item, int calendarType);
}
