namespace Eas.Actors.Devices.Lists;

/// <summary>What the device list index needs: the clock that stamps its events, and its snapshot interval.</summary>
public sealed record DeviceListIndexSettings
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How many events lie between two snapshots of the <see cref="DeviceListState"/>.</summary>
    public int SnapshotEvery { get; init; } = 100;
}
