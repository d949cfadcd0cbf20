using System.Collections.Immutable;
using Eas.Actors.Sync.Hierarchy;

namespace Eas.Actors.Devices;

/// <summary>
/// One instance of each folder hierarchy the node's devices hold. Every phone of an account usually knows the same
/// folders (MS-ASCMD 2.2.3.8: the FolderSync Add elements), yet each device read them from its own FolderSync or
/// journal into its own sorted dictionary, views and strings: about 1.7 KB per device with nine folders, held for the
/// whole heartbeat of every parked Ping. A device hands its hierarchy's folder maps to <see cref="Share(HierarchySyncState)"/> as it takes
/// them in and keeps the instance it gets back, which is an equal one another device already holds where there is one.
/// </summary>
/// <remarks>
/// The maps are immutable, so sharing them changes nothing a device decides. The pool is bounded: at
/// <see cref="Capacity"/> it is emptied and fills again from the devices that take in a hierarchy next (what they already
/// share stays shared). It is the node's, read and written by many devices at once, behind a lock held for a lookup.
/// </remarks>
public sealed class SharedHierarchies(int capacity = SharedHierarchies.DefaultCapacity)
{
    /// <summary>Distinct hierarchies kept before the pool starts over.</summary>
    public const int DefaultCapacity = 16_384;

    private readonly Lock _gate = new();
    private readonly Dictionary<Key, ImmutableSortedDictionary<string, FolderView>> _pool = [];

    /// <summary>Distinct hierarchies the pool holds now.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _pool.Count;
        }
    }

    /// <summary>Capacity before the pool starts over.</summary>
    public int Capacity => capacity;

    /// <summary>The state with its folder maps replaced by equal ones already held by other devices, where there are.</summary>
    public HierarchySyncState Share(HierarchySyncState state)
    {
        var known = Share(state.Known);
        var previous = Share(state.PreviousKnown);
        return ReferenceEquals(known, state.Known) && ReferenceEquals(previous, state.PreviousKnown)
            ? state
            : state with { Known = known, PreviousKnown = previous };
    }

    /// <summary>An equal map another device holds, or <paramref name="folders"/> itself (kept for the next device) if none.</summary>
    public ImmutableSortedDictionary<string, FolderView> Share(ImmutableSortedDictionary<string, FolderView> folders)
    {
        if (folders.IsEmpty) return ImmutableSortedDictionary<string, FolderView>.Empty;
        var key = Key.Of(folders);
        lock (_gate)
        {
            if (_pool.TryGetValue(key, out var held))
            {
                if (ReferenceEquals(held, folders) || SameFolders(held, folders)) return held;
                return folders;
            }

            if (_pool.Count >= capacity) _pool.Clear();
            _pool[key] = folders;
            return folders;
        }
    }

    private static bool SameFolders(ImmutableSortedDictionary<string, FolderView> a, ImmutableSortedDictionary<string, FolderView> b)
    {
        if (a.Count != b.Count || !ReferenceEquals(a.KeyComparer, b.KeyComparer) || !ReferenceEquals(a.ValueComparer, b.ValueComparer)) return false;
        using var left = a.GetEnumerator();
        using var right = b.GetEnumerator();
        while (left.MoveNext() && right.MoveNext())
        {
            if (!string.Equals(left.Current.Key, right.Current.Key, StringComparison.Ordinal) || left.Current.Value != right.Current.Value) return false;
        }

        return true;
    }

    /// <summary>The count and a hash of the folders' content, in key order: equal maps have equal keys.</summary>
    private readonly record struct Key(int Count, int Hash)
    {
        public static Key Of(ImmutableSortedDictionary<string, FolderView> folders)
        {
            var hash = new HashCode();
            foreach (var (id, view) in folders)
            {
                hash.Add(id, StringComparer.Ordinal);
                hash.Add(view);
            }

            return new Key(folders.Count, hash.ToHashCode());
        }
    }
}
