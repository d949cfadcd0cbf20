namespace Eas.Host.Diagnostics.Live;

/// <summary>
/// The keys (accounts, devices) with the most requests in the last one to two minutes, approximately and in
/// bounded memory: the space-saving algorithm (Metwally, Agrawal, El Abbadi, 2005) over
/// <see cref="Stripes"/> independently locked stripes. A key already in the table costs one dictionary lookup
/// and two increments under its stripe's lock, and no allocation. A new key in a full stripe takes the place
/// of the stripe's least busy key and inherits its count, so a key's count is exact while it stays in the
/// table and an upper bound after such a takeover; the busiest keys, which are what is asked for, are never
/// the ones evicted. Counts live in two one-minute windows that <see cref="Rotate"/> shifts; keys idle for a
/// whole window are dropped, so the table follows the load rather than history.
/// </summary>
internal sealed class BusiestTable<TKey>
    where TKey : notnull, IEquatable<TKey>
{
    public const int Stripes = 16;

    private readonly Stripe[] _stripes;

    /// <param name="capacity">The most keys kept at once, over all stripes.</param>
    public BusiestTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, Stripes);
        _stripes = new Stripe[Stripes];
        for (var i = 0; i < Stripes; i++) _stripes[i] = new Stripe(capacity / Stripes);
    }

    /// <summary>Keys held now.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var stripe in _stripes)
                lock (stripe.Gate) count += stripe.Entries.Count;
            return count;
        }
    }

    public void Record(TKey key, bool error)
    {
        var stripe = _stripes[(key.GetHashCode() & int.MaxValue) % Stripes];
        lock (stripe.Gate)
        {
            if (!stripe.Entries.TryGetValue(key, out var entry))
            {
                entry = stripe.Entries.Count < stripe.Capacity ? new Entry() : stripe.Evict();
                stripe.Entries.Add(key, entry);
            }

            entry.Current++;
            if (error) entry.CurrentErrors++;
        }
    }

    /// <summary>A minute is over: the current window becomes the previous one, and keys without requests in either go.</summary>
    public void Rotate()
    {
        foreach (var stripe in _stripes)
        {
            lock (stripe.Gate)
            {
                foreach (var (key, entry) in stripe.Entries)
                {
                    if (entry.Current == 0)
                    {
                        stripe.Entries.Remove(key);
                        continue;
                    }

                    entry.Previous = entry.Current;
                    entry.PreviousErrors = entry.CurrentErrors;
                    entry.Current = 0;
                    entry.CurrentErrors = 0;
                }
            }
        }
    }

    /// <summary>The <paramref name="count"/> busiest keys, busiest first, with their requests and errors in both windows.</summary>
    public IReadOnlyList<(TKey Key, long Requests, long Errors)> Top(int count)
    {
        var heap = new PriorityQueue<(TKey Key, long Requests, long Errors), long>(count + 1);
        foreach (var stripe in _stripes)
        {
            lock (stripe.Gate)
            {
                foreach (var (key, entry) in stripe.Entries)
                {
                    var requests = entry.Current + entry.Previous;
                    if (heap.Count == count && requests <= heap.Peek().Requests) continue;
                    heap.Enqueue((key, requests, entry.CurrentErrors + entry.PreviousErrors), requests);
                    if (heap.Count > count) heap.Dequeue();
                }
            }
        }

        var top = new (TKey, long, long)[heap.Count];
        for (var i = top.Length - 1; i >= 0; i--) top[i] = heap.Dequeue();
        return top;
    }

    private sealed class Entry
    {
        public long Current;
        public long Previous;
        public long CurrentErrors;
        public long PreviousErrors;

        public long Total => Current + Previous;
    }

    private sealed class Stripe(int capacity)
    {
        public readonly Lock Gate = new();
        public readonly int Capacity = capacity;
        public readonly Dictionary<TKey, Entry> Entries = new(capacity);

        /// <summary>Removes the least busy key and hands its entry, counts kept, to the newcomer (space-saving).</summary>
        public Entry Evict()
        {
            var victim = default(KeyValuePair<TKey, Entry>);
            var least = long.MaxValue;
            foreach (var pair in Entries)
            {
                if (pair.Value.Total >= least) continue;
                victim = pair;
                least = pair.Value.Total;
            }

            Entries.Remove(victim.Key);
            victim.Value.CurrentErrors = 0;
            victim.Value.PreviousErrors = 0;
            return victim.Value;
        }
    }
}
