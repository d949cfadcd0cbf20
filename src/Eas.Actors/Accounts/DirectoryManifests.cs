using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Accounts;

/// <summary>
/// The manifests of the directory's events and snapshot. They are a contract with rows on disk: never change or
/// reuse one (see <see cref="JsonManifestSetup"/>). The kinds of <see cref="DirectoryChange"/> need none: they are
/// stored inside <see cref="DirectoryChanged"/> with their JSON discriminators.
/// </summary>
public static class DirectoryManifests
{
    public const string Changed = "directory.changed.v1";
    public const string AdminAction = "directory.admin-action-recorded.v1";
    public const string State = "directory-state.v1";

    /// <summary>Adds the directory's persisted types to the system's manifest table.</summary>
    public static JsonManifestSetup WithDirectoryManifests(this JsonManifestSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup
            .With<DirectoryChanged>(Changed)
            .With<AdminActionRecorded>(AdminAction)
            .With<DirectoryState>(State);
    }
}
