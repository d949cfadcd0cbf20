using System.Diagnostics;
using Eas.Load.Measuring;

namespace Eas.Load.Push;

/// <summary>
/// Reads, at one moment, what a push bench watches: each server process (RSS, threads, descriptors, CPU) and their
/// sum, the Dovecot process tree (processes, summed RSS and PSS), the established IMAP connections to Dovecot's port
/// (the servers' watcher and command sessions, and the bench's APPEND session while it is open), the connections
/// Dovecot's processes hold to the servers' HTTP ports (its push webhook's clients, kept alive per imap or lmtp
/// process), and this tool itself.
/// </summary>
internal sealed class PushProbe(IReadOnlyList<int> serverProcessIds, IReadOnlyList<int> serverPorts, int? dovecotProcessId, int imapPort)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The server processes in node order; the first is the only one or the cluster's seed.</summary>
    public IReadOnlyList<int> ServerProcessIds => serverProcessIds;

    /// <summary><see cref="Take"/> with each server's managed heap from its <c>/metrics</c> (<see cref="ManagedMemory"/>).</summary>
    public async Task<PushSnapshot> TakeAsync(string moment, CancellationToken cancellationToken)
    {
        var snapshot = Take(moment);
        var heaps = await Task.WhenAll(serverPorts.Select(port => ManagedMemory.ReadAsync(new Uri($"http://127.0.0.1:{port}/"), cancellationToken)));
        return snapshot with { Heap = ManagedMemory.Sum(heaps) };
    }

    public PushSnapshot Take(string moment)
    {
        IReadOnlyList<ProcessSnapshot> nodes = [.. serverProcessIds.Select(ProcessSnapshot.Read)];
        var (dovecot, webhook) = Dovecot();
        return new(
            moment,
            _clock.Elapsed,
            ProcessSnapshot.Sum(nodes),
            nodes,
            dovecot,
            TcpConnections.CountTo(imapPort),
            ProcessSnapshot.Read(Environment.ProcessId))
        {
            WebhookConnections = webhook,
        };
    }

    /// <summary>Dovecot's process tree (processes, RSS, PSS) and the connections it holds to the servers, now, on this probe's clock.</summary>
    public DovecotSample? SampleDovecot() =>
        Dovecot() is ({ } memory, var webhook) ? new DovecotSample(_clock.Elapsed, memory, webhook) : null;

    private (ProcessTreeMemory? Memory, int? Webhook) Dovecot()
    {
        if (dovecotProcessId is not { } root) return (null, null);
        var members = ProcessTreeMemory.Members(root);
        return (ProcessTreeMemory.Of(members), TcpConnections.CountFrom(members, serverPorts));
    }
}

/// <summary>
/// The figures of one moment of a push bench (see <see cref="PushProbe"/>): <see cref="Server"/> is the servers
/// summed (the one server's own figures when there is one), <see cref="Nodes"/> each of them; <see cref="Parked"/>
/// when counted at that moment.
/// </summary>
internal sealed record PushSnapshot(
    string Moment, TimeSpan At, ProcessSnapshot Server, IReadOnlyList<ProcessSnapshot> Nodes, ProcessTreeMemory? Dovecot, int? ImapConnections, ProcessSnapshot Tool)
{
    public int? Parked { get; init; }

    /// <summary>The servers' managed heap after their last collections, summed; null where not read.</summary>
    public ManagedMemory? Heap { get; init; }

    /// <summary>Connections from Dovecot's processes to the servers' HTTP ports (the push webhook's kept-alive clients).</summary>
    public int? WebhookConnections { get; init; }
}

/// <summary>Dovecot at one moment of a push bench (<see cref="PushProbe.SampleDovecot"/>): its process tree's memory and its connections to the servers.</summary>
internal sealed record DovecotSample(TimeSpan At, ProcessTreeMemory Memory, int? WebhookConnections);
