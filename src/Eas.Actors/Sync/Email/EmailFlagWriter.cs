using Eas.Wire.Wbxml;
using EmailPage = Eas.Wire.CodePages.Email;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Writes email:Flag (MS-ASEMAIL 2.2.2.34, 12.0+) with its children in the section's order: tasks:Subject,
/// Status, FlagType, tasks:DateCompleted, CompleteTime, tasks:StartDate, tasks:DueDate, tasks:UtcStartDate,
/// tasks:UtcDueDate, tasks:ReminderSet, tasks:ReminderTime, tasks:OrdinalDate, tasks:SubOrdinalDate. An item
/// without a flag gets an empty <c>&lt;Flag/&gt;</c>, which the section asks for in Add and Change alike, and
/// which in a Change tells the client that the flag was cleared.
/// </summary>
internal static class EmailFlagWriter
{
    public static WbxmlElement Write(EmailFlag? flag)
    {
        var element = new WbxmlElement(EmailPage.Flag);
        if (flag is null or { Status: EmailFlagStatus.Cleared }) return element;

        element.AddText(TasksPage.Subject, flag.Subject);
        element.Add(EmailElements.Number(EmailPage.Status, (long)flag.Status));
        element.AddText(EmailPage.FlagType, flag.FlagType);
        element.AddDate(TasksPage.DateCompleted, flag.DateCompleted);
        element.AddDate(EmailPage.CompleteTime, flag.CompleteTime);
        element.AddDate(TasksPage.StartDate, flag.StartDate);
        element.AddDate(TasksPage.DueDate, flag.DueDate);
        element.AddDate(TasksPage.UtcStartDate, flag.UtcStartDate);
        element.AddDate(TasksPage.UtcDueDate, flag.UtcDueDate);
        if (flag.ReminderSet is { } reminder) element.Add(EmailElements.Boolean(TasksPage.ReminderSet, reminder));
        element.AddDate(TasksPage.ReminderTime, flag.ReminderTime);
        element.AddDate(TasksPage.OrdinalDate, flag.OrdinalDate);
        element.AddText(TasksPage.SubOrdinalDate, flag.SubOrdinalDate);
        return element;
    }
}
