using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>The events of the test entity: a small polymorphic hierarchy, one manifest per concrete type.</summary>
public abstract record TallyEvent : IPersistedMessage;

public enum ItemColor
{
    Plain,
    Red,
    Green,
}

/// <summary>
/// Version 2 of "item added". Version 1 wrote <c>{"id","name"}</c>: the property was renamed to
/// <see cref="Title"/> but keeps its stored name, and <see cref="Quantity"/> and <see cref="Tags"/> came later, with
/// defaults for old rows.
/// </summary>
public sealed record ItemAdded(
    string Id,
    [property: JsonPropertyName("name")] string Title,
    DateTimeOffset At,
    int Quantity = 1,
    ItemColor Color = ItemColor.Plain) : TallyEvent
{
    public ImmutableArray<string> Tags { get; init; } = [];
}

public sealed record ItemRemoved(string Id, DateTimeOffset At) : TallyEvent;

/// <summary>Implements the marker but is deliberately missing from the manifest table.</summary>
public sealed record ItemForgotten(string Id) : TallyEvent;
