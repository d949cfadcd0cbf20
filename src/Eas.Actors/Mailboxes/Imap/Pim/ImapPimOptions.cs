using Eas.Mail.Pim;

namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>Where the IMAP-folder PIM store keeps its data in the account's mailbox: one top folder per kind.</summary>
/// <param name="ContactsFolder">The default contacts folder's full IMAP name (created when missing); user-created contact folders live below it.</param>
/// <param name="CalendarFolder">The default calendar's folder; user-created calendars live below it.</param>
/// <param name="TasksFolder">The default tasks folder; user-created task folders live below it.</param>
/// <param name="NotesFolder">The default notes folder; user-created notes folders live below it.</param>
public sealed record ImapPimOptions(string ContactsFolder = "Contacts", string CalendarFolder = "Calendar", string TasksFolder = "Tasks", string NotesFolder = "Notes")
{
    /// <summary>The defaults: top-level <c>Contacts</c>, <c>Calendar</c>, <c>Tasks</c> and <c>Notes</c> folders.</summary>
    public static ImapPimOptions Default { get; } = new();

    /// <summary>The top folder of a kind, which is its default collection.</summary>
    public string RootOf(PimKind kind) => kind switch
    {
        PimKind.Contacts => ContactsFolder,
        PimKind.Calendar => CalendarFolder,
        PimKind.Tasks => TasksFolder,
        PimKind.Notes => NotesFolder,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a PIM kind."),
    };

    /// <summary>Every kind with its top folder.</summary>
    public IEnumerable<(PimKind Kind, string Root)> Roots =>
        [(PimKind.Contacts, ContactsFolder), (PimKind.Calendar, CalendarFolder), (PimKind.Tasks, TasksFolder), (PimKind.Notes, NotesFolder)];
}
