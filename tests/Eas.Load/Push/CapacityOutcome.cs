using Eas.Load.Measuring;

namespace Eas.Load.Push;

/// <summary>
/// The connection cap in a push bench: the descriptor limit the servers were started under (null: their own), the
/// servers' cap figures before setup, after setup and at the end of the hold (summed over the nodes), the devices
/// refused with 503 by when, and the most descriptors one server held (with what they were at that peak).
/// </summary>
internal sealed record CapacityOutcome(
    long? ServerNofile, CapacityFigures BeforeSetup, CapacityFigures AfterSetup, CapacityFigures AtEnd,
    int RefusedInSetup, int RefusedAtFirstPing, int RefusedAfterParking, DescriptorKinds? PeakDescriptors)
{
    /// <summary>Devices refused before they ever parked.</summary>
    public int Refused => RefusedInSetup + RefusedAtFirstPing;

    /// <summary>Refusals are what the run asked for: the servers were started under a lowered descriptor limit.</summary>
    public bool CapExpected => ServerNofile is not null;

    /// <summary>Every node's figures added up (cap, descriptors, connections, sessions); healthy when all are.</summary>
    public static CapacityFigures Sum(IReadOnlyList<CapacityFigures> nodes)
    {
        if (nodes.Count == 1) return nodes[0];
        static double? Add(IEnumerable<double?> values) => values.Aggregate((double?)0, (sum, v) => sum is { } s && v is { } x ? s + x : null);
        return new CapacityFigures(
            nodes.All(n => n.Healthy), nodes.All(n => n.MetricsAnswered), Add(nodes.Select(n => n.Cap)), Add(nodes.Select(n => n.DescriptorLimit)),
            Add(nodes.Select(n => n.Descriptors)), Add(nodes.Select(n => n.Open)), Add(nodes.Select(n => n.Refused)),
            Add(nodes.Select(n => n.MailboxSessions)), Add(nodes.Select(n => n.WatcherSessions)));
    }
}
