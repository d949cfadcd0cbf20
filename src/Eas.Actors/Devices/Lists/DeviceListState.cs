using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Devices.Lists;

/// <summary>
/// The devices in an admin list (quarantined, wipe pending), keyed by <see cref="DeviceActor.KeyOf"/>, each with the
/// state it last reported. Keys compare ordinally, also after being read back from a snapshot (manifest
/// <see cref="DeviceListManifests.State"/>).
/// </summary>
public sealed record DeviceListState : IPersistedMessage
{
    public static readonly DeviceListState Empty = new();

    public ImmutableSortedDictionary<string, DeviceState> Devices
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary.Create<string, DeviceState>(StringComparer.Ordinal);
}
