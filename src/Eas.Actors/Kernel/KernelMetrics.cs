using System.Diagnostics.Metrics;

namespace Eas.Actors.Kernel;

/// <summary>
/// The kernel's instruments on the host's meter. Every tag is bounded: the actor kind only, never an id.
/// </summary>
internal sealed class KernelMetrics
{
    private static readonly int[] DepthBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096];

    private readonly Histogram<int> _mailboxDepth;
    private readonly Counter<long> _activations;
    private readonly Counter<long> _passivations;
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _deadLetters;

    public KernelMetrics(Meter meter, ActorSystem system)
    {
        _mailboxDepth = meter.CreateHistogram(
            "eas.actor.mailbox.depth",
            unit: "{message}",
            description: "Mailbox depth seen when a message is enqueued, that message included.",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = DepthBuckets });
        meter.CreateObservableGauge(
            "eas.actor.mailbox.deepest",
            system.ObserveDeepestMailboxes,
            unit: "{message}",
            description: "Depth of the deepest mailbox of each actor kind right now.");
        meter.CreateObservableGauge(
            "eas.actor.entity.active",
            system.ObserveLiveEntities,
            unit: "{entity}",
            description: "Entities alive (not passivated) in each region.");
        _activations = meter.CreateCounter<long>(
            "eas.actor.activations", "{activation}", "Actor instances started, not counting supervision restarts.");
        _passivations = meter.CreateCounter<long>(
            "eas.actor.passivations", "{passivation}", "Entity instances stopped because they were idle.");
        _restarts = meter.CreateCounter<long>(
            "eas.actor.restarts", "{restart}", "Actor instances replaced after a failure.");
        _deadLetters = meter.CreateCounter<long>(
            "eas.actor.dead_letters", "{message}", "Messages dropped because their actor had stopped.");
    }

    public void RecordMailboxDepth(int depth, string kind)
    {
        if (_mailboxDepth.Enabled)
        {
            _mailboxDepth.Record(depth, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    public void Activated(string kind) => _activations.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Passivated(string kind) => _passivations.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Restarted(string kind) => _restarts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void DeadLetter(string kind) => _deadLetters.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
