using Eas.Actors.Accounts;
using Eas.Mail.Pim;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// The FolderSync types of PIM folders (MS-ASCMD 2.2.3.186.3): contacts 9 (default) and 14 (user-created), calendar
/// 8 and 13, tasks 7 and 15, notes 10 and 17; and the data-class switch of each kind: Contacts for contacts, Pim for
/// calendar, tasks and notes (<see cref="DataClasses.Of"/>).
/// </summary>
public static class PimFolderTypes
{
    public static FolderType Of(PimKind kind, bool isDefault) => (kind, isDefault) switch
    {
        (PimKind.Contacts, true) => FolderType.DefaultContacts,
        (PimKind.Contacts, false) => FolderType.UserCreatedContacts,
        (PimKind.Calendar, true) => FolderType.DefaultCalendar,
        (PimKind.Calendar, false) => FolderType.UserCreatedCalendar,
        (PimKind.Tasks, true) => FolderType.DefaultTasks,
        (PimKind.Tasks, false) => FolderType.UserCreatedTasks,
        (PimKind.Notes, true) => FolderType.DefaultNotes,
        (PimKind.Notes, false) => FolderType.UserCreatedNotes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a PIM kind."),
    };

    /// <summary>The kind a FolderSync type holds (default or user-created), or null for mail and journal types.</summary>
    public static PimKind? KindOf(FolderType type) => type switch
    {
        FolderType.DefaultContacts or FolderType.UserCreatedContacts => PimKind.Contacts,
        FolderType.DefaultCalendar or FolderType.UserCreatedCalendar => PimKind.Calendar,
        FolderType.DefaultTasks or FolderType.UserCreatedTasks => PimKind.Tasks,
        FolderType.DefaultNotes or FolderType.UserCreatedNotes => PimKind.Notes,
        _ => null,
    };

    /// <summary>The type FolderCreate takes for a new folder of a kind (MS-ASCMD 2.2.3.186.2: 13, 14, 15 or 17); null for others.</summary>
    public static PimKind? KindCreatedBy(FolderType type) => type switch
    {
        FolderType.UserCreatedContacts => PimKind.Contacts,
        FolderType.UserCreatedCalendar => PimKind.Calendar,
        FolderType.UserCreatedTasks => PimKind.Tasks,
        FolderType.UserCreatedNotes => PimKind.Notes,
        _ => null,
    };

    /// <summary>The sub-option that switches a kind on or off for an account.</summary>
    public static DataClass DataClassOf(PimKind kind) => kind == PimKind.Contacts ? DataClass.Contacts : DataClass.Pim;
}
