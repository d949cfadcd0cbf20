using System.Collections.Immutable;

namespace Eas.Actors.Sync.Hierarchy;

/// <summary>
/// A device's folder-hierarchy sync state (MS-ASCMD 2.2.1.5): the folders it knows under the current key,
/// and those it knew under the previous key, so that a FolderSync resent with the previous key (its answer
/// was lost) is answered again rather than refused.
/// </summary>
public sealed record HierarchySyncState
{
    /// <summary>Random per full sync, so keys from an older state are never mistaken for current ones.</summary>
    public required string Epoch { get; init; }

    public int Counter { get; init; }

    public ImmutableSortedDictionary<string, FolderView> Known { get; init; } = ImmutableSortedDictionary<string, FolderView>.Empty;

    public int? PreviousCounter { get; init; }

    public ImmutableSortedDictionary<string, FolderView> PreviousKnown { get; init; } = ImmutableSortedDictionary<string, FolderView>.Empty;

    public string Key => KeyOf(Counter);

    public string? PreviousKey => PreviousCounter is { } previous ? KeyOf(previous) : null;

    private string KeyOf(int counter) => $"{Epoch}-{counter}";
}
