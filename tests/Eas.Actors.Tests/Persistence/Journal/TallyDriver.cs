using Akka.Actor;
using Akka.Persistence;
using Akka.TestKit;

namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>
/// Talks to tally actors of one system: a client probe for commands and replies, and an observer probe for what
/// the actors report on their own (snapshot and delete confirmations, failures).
/// </summary>
public sealed class TallyDriver(ActorSystem system, TestProbe client, TestProbe observer)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public TestProbe Observer => observer;

    public IActorRef Start(string persistenceId, int? snapshotEvery = null) =>
        system.ActorOf(TallyActor.Props(persistenceId, observer, snapshotEvery));

    public async Task<Persisted> RecordAsync(IActorRef tally, TallyEvent e)
    {
        client.Send(tally, new Record(e));
        return await client.ExpectMsgAsync<Persisted>(Patience);
    }

    public async Task<TallyView> ViewAsync(IActorRef tally)
    {
        client.Send(tally, GetTally.Instance);
        return await client.ExpectMsgAsync<TallyView>(Patience);
    }

    public async Task StopAsync(IActorRef tally)
    {
        tally.Tell(PoisonPill.Instance);
        await ExpectStoppedAsync(tally);
    }

    /// <summary>Waits until the actor has stopped (or finds it already stopped).</summary>
    public async Task ExpectStoppedAsync(IActorRef tally)
    {
        client.Watch(tally);
        await client.ExpectTerminatedAsync(tally, Patience);
        client.Unwatch(tally);
    }

    /// <summary>Stops the actor and starts a new incarnation that recovers from the journal.</summary>
    public async Task<TallyView> RecoverAsync(IActorRef tally, string persistenceId)
    {
        await StopAsync(tally);
        return await ViewAsync(Start(persistenceId));
    }

    public async Task<T> ObservedAsync<T>() => await observer.ExpectMsgAsync<T>(Patience);

    /// <summary>Waits for the snapshot policy's deletions behind the snapshot at <paramref name="sequenceNr"/>.</summary>
    public async Task TrimmedUpToAsync(long sequenceNr)
    {
        bool messagesDeleted = false, snapshotsDeleted = false;
        while (!messagesDeleted || !snapshotsDeleted)
        {
            switch (await ObservedAsync<object>())
            {
                case DeleteMessagesSuccess m when m.ToSequenceNr == sequenceNr:
                    messagesDeleted = true;
                    break;
                case DeleteSnapshotsSuccess s when s.Criteria.MaxSequenceNr == sequenceNr - 1:
                    snapshotsDeleted = true;
                    break;
                case SaveSnapshotFailure f:
                    throw new InvalidOperationException("Saving the snapshot failed.", f.Cause);
                case DeleteMessagesFailure f:
                    throw new InvalidOperationException("Deleting the events behind the snapshot failed.", f.Cause);
                case DeleteSnapshotsFailure f:
                    throw new InvalidOperationException("Deleting the older snapshots failed.", f.Cause);
            }
        }
    }
}
