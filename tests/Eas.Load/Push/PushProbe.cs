using System.Diagnostics;
using Eas.Load.Measuring;

namespace Eas.Load.Push;

/// <summary>
/// Reads, at one moment, what a push bench watches: each server process (RSS, threads, descriptors, CPU) and their
/// sum, the Dovecot process tree (processes, summed RSS and PSS), the established IMAP connections to Dovecot's port
/// (the servers' watcher and command sessions, and the bench's APPEND session while it is open), and this tool itself.
/// </summary>
internal sealed class PushProbe(IReadOnlyList<int> serverProcessIds, int? dovecotProcessId, int imapPort)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The server processes in node order; the first is the only one or the cluster's seed.</summary>
    public IReadOnlyList<int> ServerProcessIds => serverProcessIds;

    public PushSnapshot Take(string moment)
    {
        IReadOnlyList<ProcessSnapshot> nodes = [.. serverProcessIds.Select(ProcessSnapshot.Read)];
        return new(
            moment,
            _clock.Elapsed,
            ProcessSnapshot.Sum(nodes),
            nodes,
            dovecotProcessId is { } dovecot ? ProcessTreeMemory.Read(dovecot) : null,
            TcpConnections.CountTo(imapPort),
            ProcessSnapshot.Read(Environment.ProcessId));
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
}
