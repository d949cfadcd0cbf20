using Eas.Wire.Http;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Sync.Tasks;

/// <summary>
/// The stored task after a phone's Sync Change (MS-ASCMD 2.2.3.24). Ghosting (MS-ASCMD 2.2.3.179) covers "contact and
/// calendar elements" only, so a task has no ghosted element and a Supported list is not consulted: an element the
/// phone sent replaces the stored one, and an element of its version it did not send is cleared, with these
/// exceptions:
/// <list type="bullet">
/// <item>The body is kept: a phone that was sent a truncated body sends its Change without it, and absence is no proof
/// of deletion (MS-ASNOTE 3.2.5.3 says the same of a note's body). An empty body clears it.</item>
/// <item>Complete is required (MS-ASTASK 2.2.2.7); without it the stored state stays.</item>
/// <item>Elements the phone's version does not have (<see cref="TaskVersionRules"/>) are kept, top-level and inside
/// Recurrence (a 12.1 phone knows no CalendarType).</item>
/// </list>
/// </summary>
public static class TaskChange
{
    public static TaskItem Apply(TaskItem stored, TaskUpdate change, ProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(change);
        var sent = change.Item;
        T Pick<T>(ushort tag, T sentValue, T storedValue) =>
            change.Present.Contains(tag) || TaskVersionRules.Allows(tag, version) ? sentValue : storedValue;
        var dates = change.Present.Contains(TasksPage.StartDate) || change.Present.Contains(TasksPage.UtcStartDate);
        var dues = change.Present.Contains(TasksPage.DueDate) || change.Present.Contains(TasksPage.UtcDueDate);
        return new TaskItem
        {
            Subject = Pick(TasksPage.Subject, sent.Subject, stored.Subject),
            Body = change.Present.Contains(TasksPage.Body) ? sent.Body : stored.Body,
            Categories = Pick(TasksPage.Categories, sent.Categories, stored.Categories),
            Complete = change.Present.Contains(TasksPage.Complete) ? sent.Complete : stored.Complete,
            DateCompleted = change.Present.Contains(TasksPage.DateCompleted) ? sent.DateCompleted : stored.DateCompleted,
            StartDate = dates ? sent.StartDate : null,
            UtcStartDate = dates ? sent.UtcStartDate : null,
            DueDate = dues ? sent.DueDate : null,
            UtcDueDate = dues ? sent.UtcDueDate : null,
            Importance = Pick(TasksPage.Importance, sent.Importance, stored.Importance),
            Sensitivity = Pick(TasksPage.Sensitivity, sent.Sensitivity, stored.Sensitivity),
            ReminderSet = change.Present.Contains(TasksPage.ReminderSet) ? sent.ReminderSet : sent.ReminderTime is not null,
            ReminderTime = Pick(TasksPage.ReminderTime, sent.ReminderTime, stored.ReminderTime),
            Recurrence = change.Present.Contains(TasksPage.Recurrence) ? KeepUnknown(sent.Recurrence, stored.Recurrence, version) : null,
            OrdinalDate = Pick(TasksPage.OrdinalDate, sent.OrdinalDate, stored.OrdinalDate),
            SubOrdinalDate = Pick(TasksPage.SubOrdinalDate, sent.SubOrdinalDate, stored.SubOrdinalDate),
        };
    }

    private static TaskRecurrence? KeepUnknown(TaskRecurrence? sent, TaskRecurrence? stored, ProtocolVersion version)
    {
        if (sent is null || stored is null) return sent;
        return sent with
        {
            CalendarType = TaskVersionRules.Allows(TasksPage.CalendarType, version) ? sent.CalendarType : stored.CalendarType,
            IsLeapMonth = TaskVersionRules.Allows(TasksPage.IsLeapMonth, version) ? sent.IsLeapMonth : stored.IsLeapMonth,
            FirstDayOfWeek = TaskVersionRules.Allows(TasksPage.FirstDayOfWeek, version) ? sent.FirstDayOfWeek : stored.FirstDayOfWeek,
        };
    }
}
