using Akka.Actor;
using Akka.Persistence;

namespace Eas.Actors.Persistence.Import;

/// <summary>How the import left one stream.</summary>
public enum StreamImportOutcome
{
    /// <summary>The events and the snapshot are in the journal.</summary>
    Written,

    /// <summary>The stream already held events or a snapshot: the entity has state of this version, which the import never overwrites.</summary>
    AlreadyPresent,
}

/// <summary>
/// Writes one <see cref="ImportedStream"/> under its persistence id with the journal plugin and serializer the server
/// runs on (so SQLite and PostgreSQL, manifests and tables are exactly what the entity's actor later reads), unless
/// the stream already holds anything. It recovers first, so running the import again writes nothing twice. It
/// answers once, through <paramref name="done"/>, and stops: the import is a one-shot tool, not a conversation.
/// </summary>
internal sealed class ImportedStreamWriter(ImportedStream stream, TaskCompletionSource<StreamImportOutcome> done) : UntypedPersistentActor
{
    private bool _snapshotFound;

    public override string PersistenceId => stream.PersistenceId;

    public static Props PropsFor(ImportedStream stream, TaskCompletionSource<StreamImportOutcome> done) =>
        Props.Create(() => new ImportedStreamWriter(stream, done));

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer:
                _snapshotFound = true;
                break;
            case RecoveryCompleted:
                Self.Tell(Write.Instance);
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case Write when _snapshotFound || LastSequenceNr > 0:
                Finish(StreamImportOutcome.AlreadyPresent);
                break;
            case Write when stream.Events.IsEmpty:
                SaveOrFinish();
                break;
            case Write:
                PersistAll(stream.Events, _ => { });
                DeferAsync(stream.Events, _ => SaveOrFinish());
                break;
            case SaveSnapshotSuccess:
                Finish(StreamImportOutcome.Written);
                break;
            case SaveSnapshotFailure failure:
                done.TrySetException(failure.Cause);
                Context.Stop(Self);
                break;
        }
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        done.TrySetException(reason);
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        done.TrySetException(cause);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        done.TrySetException(cause);
        Context.Stop(Self);
    }

    protected override void PostStop()
    {
        done.TrySetException(new InvalidOperationException($"The import of {stream.PersistenceId} stopped before it was written."));
        base.PostStop();
    }

    private void SaveOrFinish()
    {
        if (stream.Snapshot is { } snapshot) SaveSnapshot(snapshot);
        else Finish(StreamImportOutcome.Written);
    }

    private void Finish(StreamImportOutcome outcome)
    {
        done.TrySetResult(outcome);
        Context.Stop(Self);
    }

    private sealed class Write
    {
        public static readonly Write Instance = new();
    }
}
