using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Accounts;

/// <summary>The data classes the sub-options switch: email, contacts, and PIM (calendar, tasks, notes).</summary>
public enum DataClass
{
    Email,
    Contacts,
    Pim,
}

/// <summary>Which sub-option a folder belongs to, by its FolderSync type (MS-ASCMD 2.2.3.186.3).</summary>
public static class DataClasses
{
    public static DataClass Of(FolderType type) => type switch
    {
        FolderType.DefaultContacts or FolderType.UserCreatedContacts => DataClass.Contacts,
        FolderType.DefaultCalendar or FolderType.UserCreatedCalendar
            or FolderType.DefaultTasks or FolderType.UserCreatedTasks
            or FolderType.DefaultNotes or FolderType.UserCreatedNotes
            or FolderType.DefaultJournal or FolderType.UserCreatedJournal => DataClass.Pim,
        _ => DataClass.Email,
    };
}
