namespace Eas.Wire.Commands.FolderSync;

/// <summary>The folder types of FolderHierarchy:Type (MS-ASCMD 2.2.1.5).</summary>
public enum FolderType
{
    /// <summary>A user-created folder of a generic kind.</summary>
    UserCreatedGeneric = 1,

    /// <summary>The default Inbox.</summary>
    DefaultInbox = 2,

    /// <summary>The default Drafts folder.</summary>
    DefaultDrafts = 3,

    /// <summary>The default Deleted Items folder.</summary>
    DefaultDeletedItems = 4,

    /// <summary>The default Sent Items folder.</summary>
    DefaultSentItems = 5,

    /// <summary>The default Outbox.</summary>
    DefaultOutbox = 6,

    /// <summary>The default Tasks folder.</summary>
    DefaultTasks = 7,

    /// <summary>The default Calendar.</summary>
    DefaultCalendar = 8,

    /// <summary>The default Contacts folder.</summary>
    DefaultContacts = 9,

    /// <summary>The default Notes folder.</summary>
    DefaultNotes = 10,

    /// <summary>The default Journal.</summary>
    DefaultJournal = 11,

    /// <summary>A user-created mail folder.</summary>
    UserCreatedMail = 12,

    /// <summary>A user-created calendar.</summary>
    UserCreatedCalendar = 13,

    /// <summary>A user-created contacts folder.</summary>
    UserCreatedContacts = 14,

    /// <summary>A user-created tasks folder.</summary>
    UserCreatedTasks = 15,

    /// <summary>A user-created journal.</summary>
    UserCreatedJournal = 16,

    /// <summary>A user-created notes folder.</summary>
    UserCreatedNotes = 17,

    /// <summary>A folder of unknown kind.</summary>
    Unknown = 18,

    /// <summary>The recipient information cache.</summary>
    RecipientInformationCache = 19,
}
