namespace Eas.Load.Push;

/// <summary>
/// The nodes a phone's request may go to, as a load balancer with no affinity sends it: one drawn at random (the
/// phone's own seeded <see cref="Random"/>) from those still in the balancer's pool. A node the bench has killed is
/// taken out of the pool (<see cref="TakeOut"/>), as a balancer's health check takes out a node whose port refuses
/// connections; requests already on their way to it fail, and the phones retry.
/// </summary>
internal sealed class NodeChoice(IReadOnlyList<Uri> endpoints)
{
    private volatile Uri[] _pool = [.. endpoints];

    public IReadOnlyList<Uri> Endpoints => endpoints;

    /// <summary>The nodes requests go to now.</summary>
    public IReadOnlyList<Uri> Pool => _pool;

    /// <summary>Node <paramref name="index"/> (0-based, in the order of <see cref="Endpoints"/>) takes no more requests.</summary>
    public void TakeOut(int index)
    {
        var gone = endpoints[index];
        _pool = [.. _pool.Where(endpoint => endpoint != gone)];
    }

    /// <summary>A node of the pool, drawn with <paramref name="random"/>; the only one when there is one.</summary>
    public Uri Pick(Random? random)
    {
        var pool = _pool;
        return random is null || pool.Length == 1 ? pool[0] : pool[random.Next(pool.Length)];
    }
}
