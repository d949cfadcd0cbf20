using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>The manifest table of the test entity, as an area of the product would register its own.</summary>
public static class TallyManifests
{
    public const string ItemAddedV1 = "tally.item-added.v1";
    public const string ItemAddedV2 = "tally.item-added.v2";
    public const string ItemRemovedV1 = "tally.item-removed.v1";
    public const string StateV1 = "tally.state.v1";

    public static JsonManifestSetup Setup { get; } = JsonManifestSetup.Empty
        .With<ItemAdded>(ItemAddedV2)
        .WithLegacy<ItemAdded>(ItemAddedV1)
        .With<ItemRemoved>(ItemRemovedV1)
        .With<TallyState>(StateV1);
}
