using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>The state of the test entity, also its snapshot.</summary>
public sealed record TallyState(ImmutableDictionary<string, TallyItem> Items, ImmutableList<string> History, DateTimeOffset? LastChange) : IPersistedMessage
{
    public static TallyState Empty { get; } = new(ImmutableDictionary<string, TallyItem>.Empty, [], null);

    public TallyState Apply(TallyEvent e) => e switch
    {
        ItemAdded a => this with
        {
            Items = Items.SetItem(a.Id, new TallyItem(a.Title, a.Quantity, a.Color, a.Tags)),
            History = History.Add("+" + a.Id),
            LastChange = a.At,
        },
        ItemRemoved r => this with { Items = Items.Remove(r.Id), History = History.Add("-" + r.Id), LastChange = r.At },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Unknown tally event."),
    };

    /// <summary>Records compare immutable collections by reference; tests compare this text instead.</summary>
    public string Describe() =>
        string.Join(";", Items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value.Title}x{i.Value.Quantity}/{i.Value.Color}/[{string.Join(",", i.Value.Tags)}]"))
        + " | " + string.Join(",", History) + " | " + LastChange?.ToString("O");
}

public sealed record TallyItem(string Title, int Quantity, ItemColor Color, ImmutableArray<string> Tags);
