namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>A short history that touches every kind of value the serializer must carry.</summary>
public static class TallySamples
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.FromHours(1));

    public static TallyEvent[] Events { get; } =
    [
        new ItemAdded("a", "apple", Noon),
        new ItemAdded("b", "pear", Noon.AddHours(1), 4, ItemColor.Green) { Tags = ["fruit", "green"] },
        new ItemRemoved("a", Noon.AddHours(2)),
        new ItemAdded("c", "cherry", Noon.AddHours(3), 12, ItemColor.Red),
        new ItemAdded("d", "date", Noon.AddHours(4)),
        new ItemRemoved("d", Noon.AddHours(5)),
    ];

    public static TallyState Final { get; } = Events.Aggregate(TallyState.Empty, (state, e) => state.Apply(e));
}
