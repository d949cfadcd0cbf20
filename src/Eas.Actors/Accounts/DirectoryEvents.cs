using System.Text.Json;
using Eas.Actors.Persistence.Audit;

namespace Eas.Actors.Accounts;

/// <summary>
/// An admin changed the directory: applied to <see cref="DirectoryState"/> with <see cref="DirectoryDecisions.Apply"/>,
/// persisted in the directory's stream, and read back as the audit log's <c>directory.*</c> entry (the change's
/// kind, e.g. <c>directory.SetServiceEnabled</c>, with the change as its details).
/// </summary>
public sealed record DirectoryChanged(DirectoryChange Change, string By, DateTimeOffset At) : IAuditedEvent
{
    string IAuditedEvent.Change => "directory." + Change switch
    {
        SetServiceEnabled => "SetServiceEnabled",
        SetServiceDefaults => "SetServiceDefaults",
        SetDomainDefaults => "SetDomainDefaults",
        SetAccountClass => "SetAccountClass",
        SetDeviceAccessRules => "SetDeviceAccessRules",
        SetDefaultAccessLevel => "SetDefaultAccessLevel",
        SetPolicySettings => "SetPolicySettings",
        _ => throw new InvalidOperationException($"{Change.GetType().Name} has no audit name."),
    };

    object IAuditedEvent.Details => Change;
}

/// <summary>
/// An admin's action that changes no actor's state (see <see cref="RecordAdminAction"/>), persisted in the
/// directory's stream only to be the audit log's entry; recovery skips it.
/// </summary>
public sealed record AdminActionRecorded(string Change, JsonElement Details, string By, DateTimeOffset At) : IAuditedEvent
{
    object IAuditedEvent.Details => Details;
}
