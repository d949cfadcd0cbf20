using Eas.Load.Measuring;

namespace Eas.Load.Push;

/// <summary>
/// Where the asks of a push bench were handled. <see cref="Local"/> and <see cref="Remote"/> are every node's
/// <c>eas_actor_routed_total{origin}</c> (docs/Telemetry.md) summed: messages account entities routed to their
/// children, whose sender was on the entity's own node or on another. <see cref="Requests"/> is what the phones had
/// sent by then; each request is the edge's one ask (docs/ARCHITECTURE.md), routed once. Only those asks can come
/// from another node: a device asks its account's mailbox and gate through the same entity, always on its own node
/// (docs/ARCHITECTURE.md), and those messages are counted as local too. The counters count from each node's start, so the
/// difference of two readings (<see cref="Between"/>) covers what happened between them.
/// </summary>
internal sealed record RoutedAsks(long Local, long Remote, long Requests)
{
    private const string Counter = "eas_actor_routed_total";

    /// <summary>The share of the phones' requests whose ask crossed nodes, remote / requests; null when none were sent.</summary>
    public double? CrossedShare => Requests > 0 ? Remote / (double)Requests : null;

    /// <summary>The counter's own ratio, remote / (local + remote): lower than <see cref="CrossedShare"/> by the device-to-mailbox messages.</summary>
    public double? RoutedShare => Local + Remote > 0 ? Remote / (double)(Local + Remote) : null;

    /// <summary>The counters summed over the nodes at <paramref name="baseUrls"/>, with the requests sent so far; null when a node did not answer.</summary>
    public static async Task<RoutedAsks?> ReadAsync(HttpClient http, IReadOnlyList<Uri> baseUrls, long requests, CancellationToken cancellationToken)
    {
        var pages = await Task.WhenAll(baseUrls.Select(url => PrometheusText.ScrapeAsync(http, url, cancellationToken)));
        if (pages.Any(page => page is null)) return null;
        return new RoutedAsks(
            pages.Sum(page => (long)(PrometheusText.Sum(page!, Counter, "origin", "local") ?? 0)),
            pages.Sum(page => (long)(PrometheusText.Sum(page!, Counter, "origin", "remote") ?? 0)),
            requests);
    }

    /// <summary>What happened between two readings; null when either is missing.</summary>
    public static RoutedAsks? Between(RoutedAsks? earlier, RoutedAsks? later) =>
        earlier is not null && later is not null
            ? new RoutedAsks(later.Local - earlier.Local, later.Remote - earlier.Remote, later.Requests - earlier.Requests)
            : null;
}
