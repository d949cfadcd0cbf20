namespace Eas.Actors.Persistence;

/// <summary>
/// A save or delete named a version that is no longer current: another writer got there first. Nothing was
/// written. The caller must reload and decide again; retrying the same write blindly would overwrite the
/// other writer's state, which is exactly what the version check exists to prevent.
/// </summary>
public sealed class VersionConflictException : Exception
{
    public VersionConflictException(string kind, string id, long expectedVersion, long actualVersion)
        : base($"State {kind}/{id} is at version {actualVersion}, not the expected {expectedVersion}.")
    {
        Kind = kind;
        Id = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public string Kind { get; }

    public string Id { get; }

    public long ExpectedVersion { get; }

    /// <summary>The version found, 0 when the state does not exist.</summary>
    public long ActualVersion { get; }
}
