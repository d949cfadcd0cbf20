using System.Collections.Immutable;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// An appointment as the phone sees it (MS-ASCAL 2.2.2), each single-valued element kept as its WBXML text keyed by
/// its tag (compact UTC date-times, numbers, the base64 Timezone): the form both directions share, so that what a
/// phone sent is what it gets back. Lists and containers are typed; null means "absent", not "empty".
/// </summary>
public sealed record CalendarItem
{
    public static CalendarItem Empty { get; } = new();

    public ImmutableDictionary<ushort, string> Fields { get; init; } = ImmutableDictionary<ushort, string>.Empty;

    /// <summary>The plain-text body.</summary>
    public string? Body { get; init; }

    public ImmutableArray<string> Categories { get; init; } = [];

    public ImmutableArray<CalendarAttendee> Attendees { get; init; } = [];

    /// <summary>The Recurrence children (MS-ASCAL 2.2.2.37), by tag; null for a single event.</summary>
    public ImmutableDictionary<ushort, string>? Recurrence { get; init; }

    /// <summary>Deleted and changed occurrences, by original start.</summary>
    public ImmutableArray<CalendarException> Exceptions { get; init; } = [];

    public string? this[ushort tag] => Fields.GetValueOrDefault(tag);

    public CalendarItem With(ushort tag, string? value) =>
        this with { Fields = value is null ? Fields.Remove(tag) : Fields.SetItem(tag, value) };

    /// <summary>Value equality over every part (records compare arrays by reference).</summary>
    public bool SameAs(CalendarItem other) =>
        other is not null
        && Fields.Count == other.Fields.Count && Fields.All(f => other.Fields.TryGetValue(f.Key, out var v) && v == f.Value)
        && Body == other.Body
        && Categories.SequenceEqual(other.Categories)
        && Attendees.SequenceEqual(other.Attendees)
        && SameRecurrence(Recurrence, other.Recurrence)
        && Exceptions.Length == other.Exceptions.Length
        && Exceptions.Select((e, i) => e.SameAs(other.Exceptions[i])).All(same => same);

    internal static bool SameRecurrence(ImmutableDictionary<ushort, string>? a, ImmutableDictionary<ushort, string>? b) =>
        a is null ? b is null : b is not null && a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var v) && v == f.Value);
}

/// <summary>An attendee (MS-ASCAL 2.2.2.3): Email and Name, and from 12.0 AttendeeStatus and AttendeeType (their numbers as text).</summary>
public sealed record CalendarAttendee(string Email, string Name, string? Status, string? Type);

/// <summary>
/// An exception (MS-ASCAL 2.2.2.21): the occurrence's original start (compact UTC, ExceptionStartTime or 16.x
/// InstanceId), whether it is deleted, and the elements it changes.
/// </summary>
public sealed record CalendarException(string OriginalStart, bool Deleted, CalendarItem Changes)
{
    public bool SameAs(CalendarException other) =>
        OriginalStart == other.OriginalStart && Deleted == other.Deleted && Changes.SameAs(other.Changes);
}

/// <summary>
/// An item read from a phone and the tags of the elements it carried; with <see cref="InstanceId"/> (16.x,
/// MS-ASAIRS 2.2.2.25) the elements change that one occurrence, not the series.
/// </summary>
public sealed record CalendarUpdate(CalendarItem Item, IReadOnlySet<ushort> Present)
{
    public string? InstanceId { get; init; }
}
