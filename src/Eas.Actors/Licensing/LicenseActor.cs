using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Licensing;

/// <summary>
/// The deployment's one license, a cluster singleton reached through its proxy (on whichever node is oldest; it
/// moves when that node leaves or dies, and recovers from the journal stream <see cref="PersistenceIds.License"/>).
/// It decides one command at a time: <c>Persist</c> (not <c>PersistAsync</c>) holds every later command until the
/// events of the current one are in the journal, so each claim is decided on the state all earlier claims left,
/// concurrent first connections can never take more slots than licensed, and the order of holders survives
/// restarts. Answers leave only after the journal write. See <see cref="LicenseDecisions"/> for the rules.
/// </summary>
/// <remarks>
/// A failed journal write answers the waiting asker with a <see cref="StoreUnavailableException"/>; Akka then
/// stops the actor, and <see cref="SingletonProps"/> starts it again, recovering what was written.
/// </remarks>
public sealed class LicenseActor : ReceivePersistentActor
{
    /// <summary>The singleton's name (and the name of the supervised actor under it).</summary>
    public const string Name = "license";

    private readonly LicenseActorSettings _settings;
    private readonly SnapshotPolicy _snapshots;
    private LicenseState _state = LicenseState.Empty;
    private IActorRef? _waiting;
    private bool _expiryLogged;

    public LicenseActor(LicenseActorSettings settings)
    {
        _settings = settings;
        _snapshots = new SnapshotPolicy(settings.SnapshotEvery, keepEvents: true);
        Recover<SnapshotOffer>(offer => _state = (LicenseState)offer.Snapshot);
        Recover<LicenseEvent>(e => _state = LicenseDecisions.Apply(_state, e));
        Recover<RecoveryCompleted>(_ =>
        {
            LicenseLog.Loaded(settings.Logger, settings.Terms.Source, settings.Terms.Slots, _state.Holders.Count);
            CheckExpiry(settings.Clock.GetUtcNow());
        });
        Command<ClaimSlot>(claim => Decide((state, now) => LicenseDecisions.Claim(settings.Terms, state, claim.AccountId, now)));
        Command<ReleaseSlot>(release => Decide((state, now) =>
        {
            var released = LicenseDecisions.Release(state, release.AccountId, release.By, now);
            return (new SlotReleaseResult(!released.IsEmpty), released);
        }));
        Command<GetLicenseStatus>(_ => Decide((state, now) => (Status(state, now), [])));
        Command<object>(message => _snapshots.Handle(this, message));
    }

    public override string PersistenceId => PersistenceIds.License;

    private DateTimeOffset Now => _settings.Clock.GetUtcNow();

    /// <summary>The props the singleton manager runs: the actor restarted after a journal failure (<see cref="Cluster.RestartingSingleton"/>).</summary>
    public static Props SingletonProps(LicenseActorSettings settings) =>
        Cluster.RestartingSingleton.Props(Props.Create(() => new LicenseActor(settings)), Name, "license");

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Fail(new StoreUnavailableException("The license could not write to the journal; whether the decision was written is known once it has recovered. Try again.", cause));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        Fail(cause);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    /// <summary>
    /// Decides a command on the state with the first start recorded (the first command ever records it), persists
    /// the first start and the command's events in one atomic write, and answers after the last event is applied.
    /// </summary>
    private void Decide(Func<LicenseState, DateTimeOffset, (object Answer, ImmutableArray<LicenseEvent> Events)> decide)
    {
        var replyTo = Sender;
        var now = Now;
        var start = LicenseDecisions.Start(_state, now);
        var (answer, decided) = decide(LicenseDecisions.ApplyAll(_state, start), now);
        var events = start.AddRange(decided);
        if (events.IsEmpty)
        {
            Answer(replyTo, answer);
            return;
        }

        _waiting = replyTo;
        var unapplied = events.Length;
        PersistAll(events.Select(AuditedEvents.Tagged), tagged =>
        {
            var e = (LicenseEvent)tagged.Payload;
            _state = LicenseDecisions.Apply(_state, e);
            _snapshots.AfterPersist(this, _state);
            if (e is AccountTurnedOff off) LicenseLog.TurnedOff(_settings.Logger, off.AccountId, _settings.Terms.Slots);
            if (--unapplied > 0) return;
            _waiting = null;
            Answer(replyTo, answer);
        });
    }

    private void Answer(IActorRef replyTo, object answer)
    {
        CheckExpiry(Now);
        replyTo.Tell(answer);
    }

    private void Fail(Exception cause)
    {
        _waiting?.Tell(new Status.Failure(cause));
        _waiting = null;
    }

    private LicenseStatus Status(LicenseState state, DateTimeOffset now)
    {
        var terms = _settings.Terms;
        var validUntil = LicenseDecisions.ValidUntil(terms, state);
        DateTimeOffset? trialEnds = terms.IsTrial ? validUntil : null;
        return new LicenseStatus(
            terms.Source,
            terms.Slots,
            Math.Min(terms.Slots, state.Holders.Count),
            terms.IsTrial,
            state.FirstStart,
            trialEnds,
            trialEnds is { } end ? Math.Max(0, Math.Round((end - now).TotalDays, 1)) : null,
            now >= validUntil,
            state.Holders.Take(terms.Slots).ToImmutableList(),
            state.TurnedOff);
    }

    /// <summary>Updates the slot gauges, and logs once per incarnation that the trial is over and ActiveSync is off for everyone.</summary>
    private void CheckExpiry(DateTimeOffset now)
    {
        var validUntil = LicenseDecisions.ValidUntil(_settings.Terms, _state);
        var expired = now >= validUntil;
        _settings.Metrics?.Update(Math.Min(_settings.Terms.Slots, _state.Holders.Count), expired ? 0 : _settings.Terms.Slots);
        if (!expired || _expiryLogged) return;
        _expiryLogged = true;
        LicenseLog.TrialExpired(_settings.Logger, validUntil);
    }
}
