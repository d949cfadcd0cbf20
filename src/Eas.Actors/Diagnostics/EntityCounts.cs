using System.Diagnostics.Metrics;

namespace Eas.Actors.Diagnostics;

/// <summary>The kinds of actors an account entity is made of.</summary>
public enum EntityKind
{
    /// <summary>The sharded account entity itself.</summary>
    Account,

    /// <summary>The account's gate (switches and license).</summary>
    Gate,

    /// <summary>The account's mailbox (IMAP sessions, watcher).</summary>
    Mailbox,

    /// <summary>One phone of the account.</summary>
    Device,
}

/// <summary>
/// Live entities of each kind on this node, counted by the account entities as they start and stop children;
/// read by <c>eas-server top</c>, the admin API and the <c>eas.actor.entities</c> gauge.
/// </summary>
public sealed class EntityCounts
{
    private static readonly KeyValuePair<string, object?> FromThisNode = new("origin", "local");
    private static readonly KeyValuePair<string, object?> FromAnotherNode = new("origin", "remote");

    private readonly int[] _counts = new int[Enum.GetValues<EntityKind>().Length];
    private readonly Counter<long>? _routed;

    public EntityCounts(Meter? meter = null)
    {
        meter?.CreateObservableGauge("eas.actor.entities", Observe, "{entity}", "Live actors of each kind (account, gate, mailbox, device) on this node.");
        _routed = meter?.CreateCounter<long>("eas.actor.routed", "{message}", "Messages account entities on this node routed to their children, by whether the sender is on this node or another.");
    }

    public int this[EntityKind kind] => Volatile.Read(ref _counts[(int)kind]);

    public void Started(EntityKind kind) => Interlocked.Increment(ref _counts[(int)kind]);

    public void Stopped(EntityKind kind) => Interlocked.Decrement(ref _counts[(int)kind]);

    /// <summary>An account entity routed a message whose sender is on another node (<paramref name="remote"/>) or this one.</summary>
    public void Routed(bool remote) => _routed?.Add(1, remote ? FromAnotherNode : FromThisNode);

    private IEnumerable<Measurement<int>> Observe() =>
        Enum.GetValues<EntityKind>().Select(kind => new Measurement<int>(this[kind], new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant())));
}
