using System.Diagnostics;
using Eas.Load.Measuring;

namespace Eas.Load.Push;

/// <summary>
/// Reads, at one moment, what a push bench watches: the server process (RSS, threads, descriptors, CPU), the
/// Dovecot process tree (processes, summed RSS and PSS), the established IMAP connections to Dovecot's port
/// (the server's watcher and command sessions, and the bench's APPEND session while it is open), and this
/// tool itself.
/// </summary>
internal sealed class PushProbe(int serverProcessId, int? dovecotProcessId, int imapPort)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int ServerProcessId => serverProcessId;

    public PushSnapshot Take(string moment) => new(
        moment,
        _clock.Elapsed,
        ProcessSnapshot.Read(serverProcessId),
        dovecotProcessId is { } dovecot ? ProcessTreeMemory.Read(dovecot) : null,
        TcpConnections.CountTo(imapPort),
        ProcessSnapshot.Read(Environment.ProcessId));
}

/// <summary>The figures of one moment of a push bench (see <see cref="PushProbe"/>).</summary>
internal sealed record PushSnapshot(
    string Moment, TimeSpan At, ProcessSnapshot Server, ProcessTreeMemory? Dovecot, int? ImapConnections, ProcessSnapshot Tool);
