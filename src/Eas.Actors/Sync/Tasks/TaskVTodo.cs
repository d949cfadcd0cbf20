using System.Globalization;
using Eas.Actors.Sync.Pim;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Eas.Actors.Sync.Tasks;

/// <summary>
/// A task's fields in a VTODO (RFC 5545 3.6.2), both ways. Writing touches only the properties behind fields that
/// changed, so everything else in the component (unknown properties, a TZID or DATE value the phone never saw) stays.
/// <list type="bullet">
/// <item>Subject: SUMMARY. Body: DESCRIPTION (+ X-ALT-DESC for HTML). Categories: CATEGORIES.</item>
/// <item>Complete: STATUS:COMPLETED and PERCENT-COMPLETE:100; DateCompleted: COMPLETED. Not complete: STATUS other than
/// COMPLETED; without STATUS, a COMPLETED property or PERCENT-COMPLETE:100 still reads as complete.</item>
/// <item>StartDate/UtcStartDate: DTSTART; DueDate/UtcDueDate: DUE. Written as UTC date-times from the UTC form, the
/// local wall-clock form beside them in X-EAS-LOCAL-START / X-EAS-LOCAL-DUE when it differs. Read: a DATE value is its
/// midnight in both forms; a TZID value gives its wall time and its UTC instant; a UTC value its X- local form when that
/// is within 14 hours of it (no zone is further), else the UTC time; a floating value is both.</item>
/// <item>Importance: PRIORITY (RFC 5545 3.8.1.9: 1-4 high, 5 medium, 6-9 low, 0 undefined). 2 high = 1, 1 normal = 5,
/// 0 low = 9; read back 1-4 as 2, 5 as 1, 6-9 as 0, 0 as no Importance. Any other Importance (MS-ASTASK 2.2.2.14 says
/// it is returned as sent) is kept in X-EAS-IMPORTANCE.</item>
/// <item>Sensitivity: CLASS. 0 PUBLIC, 1 X-PERSONAL, 2 PRIVATE, 3 CONFIDENTIAL; an unknown CLASS reads as 2
/// (RFC 5545 3.8.1.3: treat it as PRIVATE).</item>
/// <item>ReminderSet/ReminderTime: one VALARM (ACTION:DISPLAY, an absolute UTC TRIGGER); reminder off removes the
/// alarms. Read: the first alarm, a relative trigger counted from DTSTART (RELATED=END: from DUE).</item>
/// <item>OrdinalDate, SubOrdinalDate: X-EAS-ORDINAL-DATE, X-EAS-SUB-ORDINAL-DATE. Recurrence: <see cref="TaskRRule"/>.</item>
/// </list>
/// </summary>
public static class TaskVTodo
{
    private const string LocalStart = "X-EAS-LOCAL-START";
    private const string LocalDue = "X-EAS-LOCAL-DUE";
    private const string ExtraImportance = "X-EAS-IMPORTANCE";
    private const string Ordinal = "X-EAS-ORDINAL-DATE";
    private const string SubOrdinal = "X-EAS-SUB-ORDINAL-DATE";
    private const string Completed = "COMPLETED";
    private const string LocalFormat = "yyyyMMdd'T'HHmmss";
    private static readonly TimeSpan WidestOffset = TimeSpan.FromHours(14);

    public static TaskItem Read(Todo todo, DateTime now, ICollection<string> lost)
    {
        ArgumentNullException.ThrowIfNull(todo);
        var (start, utcStart) = ReadDate(todo.DtStart, PimICalendar.GetText(todo, LocalStart));
        var (due, utcDue) = ReadDate(todo.Due, PimICalendar.GetText(todo, LocalDue));
        var complete = todo.Status is { Length: > 0 } status
            ? string.Equals(status, Completed, StringComparison.OrdinalIgnoreCase)
            : todo.Completed is not null || todo.PercentComplete == 100;
        var (reminderSet, reminderTime) = ReadReminder(todo);
        return new TaskItem
        {
            Subject = string.IsNullOrEmpty(todo.Summary) ? null : todo.Summary,
            Body = PimICalendar.ReadBody(todo),
            Categories = [.. todo.Categories.Where(c => !string.IsNullOrWhiteSpace(c))],
            Complete = complete,
            DateCompleted = complete ? Utc(todo.Completed?.AsUtc ?? todo.LastModified?.AsUtc ?? todo.DtStamp?.AsUtc ?? now) : null,
            StartDate = start,
            UtcStartDate = utcStart,
            DueDate = due,
            UtcDueDate = utcDue,
            Importance = ReadImportance(todo),
            Sensitivity = todo.Class?.ToUpperInvariant() switch
            {
                null or "" => null,
                "PUBLIC" => 0,
                "X-PERSONAL" => 1,
                "CONFIDENTIAL" => 3,
                _ => 2,
            },
            ReminderSet = reminderSet,
            ReminderTime = reminderTime,
            Recurrence = TaskRRule.Read(todo, utcStart ?? utcDue ?? now, lost),
            OrdinalDate = PimICalendar.ParseWireTime(PimICalendar.GetText(todo, Ordinal)),
            SubOrdinalDate = PimICalendar.GetText(todo, SubOrdinal),
        };
    }

    /// <summary>Writes the fields of <paramref name="after"/> that differ from <paramref name="before"/> (what the component held).</summary>
    public static void Write(Todo todo, TaskItem before, TaskItem after, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(todo);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (after.Subject != before.Subject) todo.Summary = after.Subject!;
        if (after.Body != before.Body) PimICalendar.WriteBody(todo, after.Body);
        if (!after.Categories.SequenceEqual(before.Categories))
        {
            todo.Categories.Clear();
            foreach (var category in after.Categories) todo.Categories.Add(category);
        }

        if (after.Complete != before.Complete || after.DateCompleted != before.DateCompleted) WriteCompletion(todo, after, now);
        if (after.StartDate != before.StartDate || after.UtcStartDate != before.UtcStartDate)
            todo.DtStart = WriteDate(todo, LocalStart, after.StartDate, after.UtcStartDate)!;
        if (after.DueDate != before.DueDate || after.UtcDueDate != before.UtcDueDate)
            todo.Due = WriteDate(todo, LocalDue, after.DueDate, after.UtcDueDate)!;
        if (after.Importance != before.Importance)
        {
            todo.Priority = after.Importance switch { 0 => 9, 1 => 5, 2 => 1, _ => 0 };
            PimICalendar.SetText(todo, ExtraImportance, after.Importance is { } other and not (0 or 1 or 2) ? other.ToString(CultureInfo.InvariantCulture) : null);
        }

        if (after.Sensitivity != before.Sensitivity)
            todo.Class = after.Sensitivity switch { null => null!, 0 => "PUBLIC", 1 => "X-PERSONAL", 3 => "CONFIDENTIAL", _ => "PRIVATE" };
        if (after.ReminderSet != before.ReminderSet || after.ReminderTime != before.ReminderTime) WriteReminder(todo, after);
        if (after.Recurrence != before.Recurrence) TaskRRule.Write(todo, after.Recurrence);
        if (after.OrdinalDate != before.OrdinalDate)
            PimICalendar.SetText(todo, Ordinal, after.OrdinalDate is { } ordinal ? ordinal.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) : null);
        if (after.SubOrdinalDate != before.SubOrdinalDate) PimICalendar.SetText(todo, SubOrdinal, after.SubOrdinalDate);
    }

    private static void WriteCompletion(Todo todo, TaskItem after, DateTime now)
    {
        if (after.Complete)
        {
            todo.Status = Completed;
            todo.PercentComplete = 100;
            todo.Completed = PimICalendar.Utc(after.DateCompleted ?? now);
            return;
        }

        if (todo.Status is null || string.Equals(todo.Status, Completed, StringComparison.OrdinalIgnoreCase)) todo.Status = "NEEDS-ACTION";
        if (todo.PercentComplete == 100) todo.PercentComplete = 0;
        todo.Completed = null!;
    }

    private static CalDateTime? WriteDate(Todo todo, string localProperty, DateTime? local, DateTime? utc)
    {
        var instant = utc ?? local;
        PimICalendar.SetText(todo, localProperty, local is { } wall && instant is { } at && wall != at ? wall.ToString(LocalFormat, CultureInfo.InvariantCulture) : null);
        return instant is { } value ? PimICalendar.Utc(value) : null;
    }

    private static (DateTime? Local, DateTime? Utc) ReadDate(CalDateTime? value, string? storedLocal)
    {
        if (value is null) return (null, null);
        if (!value.HasTime)
        {
            var midnight = Utc(value.Date.ToDateTime(TimeOnly.MinValue));
            return (midnight, midnight);
        }

        if (value.IsUtc)
        {
            var utc = Utc(value.AsUtc);
            var local = DateTime.TryParseExact(storedLocal, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
                && (wall - utc).Duration() <= WidestOffset ? Utc(wall) : utc;
            return (local, utc);
        }

        return value.IsFloating ? (Utc(value.Value), Utc(value.Value)) : (Utc(value.Value), Utc(value.AsUtc));
    }

    private static int? ReadImportance(Todo todo)
    {
        if (todo.Priority == 0)
            return int.TryParse(PimICalendar.GetText(todo, ExtraImportance), NumberStyles.Integer, CultureInfo.InvariantCulture, out var other) ? other : null;
        return todo.Priority switch { >= 1 and <= 4 => 2, 5 => 1, _ => 0 };
    }

    private static void WriteReminder(Todo todo, TaskItem after)
    {
        todo.Alarms.Clear();
        if (!after.ReminderSet || after.ReminderTime is not { } time) return;
        var trigger = new Trigger();
        trigger.Parameters.Set("VALUE", "DATE-TIME");
        trigger.DateTime = PimICalendar.Utc(time);
        todo.Alarms.Add(new Alarm { Action = "DISPLAY", Description = after.Subject ?? "Reminder", Trigger = trigger });
    }

    private static (bool Set, DateTime? Time) ReadReminder(Todo todo)
    {
        foreach (var alarm in todo.Alarms)
        {
            if (alarm.Trigger is not { } trigger) continue;
            if (trigger.DateTime is { } absolute) return (true, Utc(absolute.AsUtc));
            if (trigger.Duration is not { } offset) continue;
            var anchor = string.Equals(trigger.Related, "END", StringComparison.OrdinalIgnoreCase) ? todo.Due : todo.DtStart ?? todo.Due;
            if (anchor is null) continue;
            return (true, Utc(anchor.AsUtc + offset.ToTimeSpanUnspecified()));
        }

        return (false, null);
    }

    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
