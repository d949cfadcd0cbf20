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

    /// <summary>
    /// An import cut short (a killed process, a journal that went away) had written exactly this stream's events but not
    /// yet its snapshot; the snapshot is written now, the events are not written again.
    /// </summary>
    Completed,
}

/// <summary>
/// Writes one <see cref="ImportedStream"/> under its persistence id with the journal plugin and serializer the server
/// runs on (so SQLite and PostgreSQL, manifests and tables are exactly what the entity's actor later reads), unless
/// the stream already holds anything. It recovers first, so running the import again writes nothing twice. It
/// answers once, through <paramref name="done"/>, and stops: the import is a one-shot tool, not a conversation.
/// </summary>
/// <remarks>
/// A stream's events and its snapshot are two writes (the journal and the snapshot store), so an import killed between
/// them leaves a device whose journal holds <see cref="Devices.DeviceFirstSeen"/> and no snapshot: recovered like that,
/// the device would have forgotten its PolicyKey and SyncKeys. Such a stream is recognised (no snapshot, and the
/// recovered events equal the import's own, which are flat records of the old row and the import's time kept in its
/// marker) and completed with its snapshot. Any other content is state of this version and left alone.
/// <paramref name="pause"/> is for tests only: a wait between the events and the snapshot (or the end), so a test can
/// kill the import where a crash hurts most.
/// </remarks>
internal sealed class ImportedStreamWriter(ImportedStream stream, TimeSpan pause, TaskCompletionSource<StreamImportOutcome> done) : UntypedPersistentActor, IWithTimers
{
    private readonly List<object> _recovered = [];
    private bool _snapshotFound;
    private StreamImportOutcome _outcome = StreamImportOutcome.Written;

    public override string PersistenceId => stream.PersistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(ImportedStream stream, TimeSpan pause, TaskCompletionSource<StreamImportOutcome> done) =>
        Props.Create(() => new ImportedStreamWriter(stream, pause, done));

    /// <summary>Whether the journal holds exactly this stream's events and the snapshot that should follow them is missing.</summary>
    private bool CutShortBeforeItsSnapshot =>
        stream.Snapshot is not null && !_snapshotFound && !stream.Events.IsEmpty
        && LastSequenceNr == stream.Events.Length && _recovered.SequenceEqual(stream.Events.Cast<object>());

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
            default:
                _recovered.Add(message);
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case Write when CutShortBeforeItsSnapshot:
                _outcome = StreamImportOutcome.Completed;
                SaveOrFinish();
                break;
            case Write when _snapshotFound || LastSequenceNr > 0:
                Finish(StreamImportOutcome.AlreadyPresent);
                break;
            case Write when stream.Events.IsEmpty:
                PauseThenSave();
                break;
            case Write:
                PersistAll(stream.Events, _ => { });
                DeferAsync(stream.Events, _ => PauseThenSave());
                break;
            case Resume:
                SaveOrFinish();
                break;
            case SaveSnapshotSuccess:
                Finish(_outcome);
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

    private void PauseThenSave()
    {
        if (pause > TimeSpan.Zero) Timers.StartSingleTimer(Resume.Instance, Resume.Instance, pause);
        else SaveOrFinish();
    }

    private void SaveOrFinish()
    {
        if (stream.Snapshot is { } snapshot) SaveSnapshot(snapshot);
        else Finish(_outcome);
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

    /// <summary>The end of the test-only pause.</summary>
    private sealed class Resume
    {
        public static readonly Resume Instance = new();
    }
}
