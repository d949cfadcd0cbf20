using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace Eas.Actors.Tests.TestKit;

/// <summary>
/// Akka's in-memory journal, which fails writes on order: after <see cref="RefuseWrites"/> each of the next writes is
/// held (the asker is told <see cref="WriteHeld"/>) until <see cref="ReleaseWrite"/>, and then fails, as a journal whose
/// database went away does; Akka.Persistence then stops the writer. Between the two, the test can put messages in the
/// writer's mailbox deterministically. After <see cref="RefuseReplays"/> the next replays fail at once, as a journal whose
/// database cannot be read does: the recovering actor's recovery fails and Akka.Persistence stops it. After
/// <see cref="RejectWrites"/> the next writes are rejected (the journal answers, but refuses the events), as a journal does
/// an event it cannot serialize: the writer goes on running. After <see cref="HoldWrites"/> the next writes are held the
/// same way and then written, as by a slow database.
/// </summary>
public sealed class RefusingJournal : MemoryJournal
{
    /// <summary>Test kit configuration that makes this the journal (snapshots in memory).</summary>
    public const string Hocon = """
        akka.persistence.journal.plugin = "eas-refusing-journal"
        eas-refusing-journal.class = "Eas.Actors.Tests.TestKit.RefusingJournal, Eas.Actors.Tests"
        eas-refusing-journal.plugin-dispatcher = "akka.actor.default-dispatcher"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private int _refusals;
    private int _replayRefusals;
    private int _rejections;
    private int _holds;
    private IActorRef _asker = ActorRefs.Nobody;
    private TaskCompletionSource? _held;

    /// <summary>The journal of <paramref name="system"/>, to send the orders to.</summary>
    public static IActorRef Of(ActorSystem system) => Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(null);

    protected override bool ReceivePluginInternal(object message)
    {
        switch (message)
        {
            case RefuseWrites refuse:
                _refusals = refuse.Count;
                _asker = Sender;
                return true;
            case HoldWrites hold:
                _holds = hold.Count;
                _asker = Sender;
                return true;
            case RejectWrites reject:
                _rejections = reject.Count;
                Sender.Tell(reject);
                return true;
            case RefuseReplays refuse:
                _replayRefusals = refuse.Count;
                Sender.Tell(refuse);
                return true;
            case ReleaseWrite:
                _held?.TrySetResult();
                return true;
            default:
                return base.ReceivePluginInternal(message);
        }
    }

    public override Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        if (_replayRefusals > 0)
        {
            _replayRefusals--;
            return Task.FromException(new InvalidOperationException("The test's journal refuses this replay."));
        }

        return base.ReplayMessagesAsync(context, persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback);
    }

    protected override async Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken = default)
    {
        if (_rejections > 0)
        {
            _rejections--;
            return [.. messages.Select(_ => (Exception?)new InvalidOperationException("The test's journal rejects this write."))];
        }

        if (_refusals == 0 && _holds == 0) return await base.WriteMessagesAsync(messages, cancellationToken);
        var refused = _refusals > 0;
        if (refused) _refusals--;
        else _holds--;
        var held = _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _asker.Tell(WriteHeld.Instance);
        await held.Task;
        return refused
            ? throw new InvalidOperationException("The test's journal refuses this write.")
            : await base.WriteMessagesAsync(messages, cancellationToken);
    }
}

/// <summary>Hold and then fail the next <paramref name="Count"/> writes.</summary>
public sealed record RefuseWrites(int Count);

/// <summary>Hold the next <paramref name="Count"/> writes, then write them.</summary>
public sealed record HoldWrites(int Count);

/// <summary>A write is held: the writer is waiting for the journal.</summary>
public sealed record WriteHeld
{
    public static readonly WriteHeld Instance = new();
}

/// <summary>Reject the next <paramref name="Count"/> writes; answered with itself once in force.</summary>
public sealed record RejectWrites(int Count);

/// <summary>Fail the next <paramref name="Count"/> replays; answered with itself once in force.</summary>
public sealed record RefuseReplays(int Count);

/// <summary>Let the held write go on: fail (<see cref="RefuseWrites"/>) or be written (<see cref="HoldWrites"/>).</summary>
public sealed record ReleaseWrite
{
    public static readonly ReleaseWrite Instance = new();
}
