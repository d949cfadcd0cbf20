namespace Eas.Actors.Accounts;

/// <summary>What the directory actor needs: the clock that stamps its audit entries, and its snapshot interval.</summary>
public sealed record DirectoryActorSettings
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How many events lie between two snapshots of the <see cref="DirectoryState"/>.</summary>
    public int SnapshotEvery { get; init; } = 100;
}
