using Akka.Actor;
using Akka.Cluster.Sharding;
using Eas.Actors.Diagnostics;

namespace Eas.Actors.Cluster;

/// <summary>
/// The sharded entity of one account (entity id = the lower-cased account id). It parents the account's gate,
/// its mailbox and its devices, so all of them live on one node, and only routes: it never waits, so a child
/// that awaits a sibling's answer (a device asking its mailbox) can never deadlock on it.
/// <para>
/// Children passivate themselves when idle (<see cref="EntityChildActor"/>): the entity holds messages for a
/// child that is stopping and hands them to a fresh one, so none is lost. When the last child has gone and
/// nothing came for <see cref="AccountEntitySettings.EmptyLinger"/>, the entity asks its shard to passivate it.
/// </para>
/// <para>
/// Before it routes a device's request it checks the account's budgets (<see cref="AccountBudget"/>: the device's
/// requests in flight and the account's requests per minute) and answers <see cref="Devices.Throttled"/> itself
/// when one is spent, so a runaway device costs a dictionary look-up, not a turn of the device.
/// </para>
/// </summary>
public sealed class AccountEntityActor : ReceiveActor
{
    private readonly string _accountId;
    private readonly AccountEntitySettings _settings;
    private readonly Dictionary<string, Child> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _names = [];
    private readonly AccountBudget _budget;
    private long _incarnations;

    public AccountEntityActor(string accountId, AccountEntitySettings settings)
    {
        _accountId = accountId;
        _settings = settings;
        _budget = new AccountBudget(settings.Budgets);
        Receive<AccountEnvelope>(Route);
        Receive<RequestSettled>(_ => Settled(Sender));
        Receive<ChildIdle>(_ => BeginPassivation(Sender));
        Receive<ChildBusy>(_ => Resume(Sender));
        Receive<ChildRecovered>(_ => Recovered(Sender));
        Receive<ChildRecoveryFailed>(failed => RecoveryFailed(Sender, failed.Reason));
        Receive<ChildWriteFailed>(_ => HoldForSuccessor(Sender));
        Receive<Terminated>(stopped => Stopped(stopped.ActorRef));
        Receive<ReceiveTimeout>(_ =>
        {
            if (_children.Count == 0) Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        });
        Context.SetReceiveTimeout(settings.EmptyLinger);
    }

    /// <summary>Props of the entity for <paramref name="accountId"/>.</summary>
    public static Props PropsFor(string accountId, AccountEntitySettings settings) =>
        Props.Create(() => new AccountEntityActor(accountId, settings));

    protected override void PreStart() => _settings.Counts?.Started(EntityKind.Account);

    protected override void PostStop()
    {
        foreach (var child in _children.Values) _settings.Counts?.Stopped(child.Kind);
        _settings.Counts?.Stopped(EntityKind.Account);
    }

    private void Route(AccountEnvelope envelope)
    {
        if (envelope.Message is Devices.ExecuteDeviceCommand && _budget.TryAdmit(envelope.Child, _settings.Clock.GetUtcNow()) is { } throttled)
        {
            // Refused before it reaches the device: costs neither the device's turn nor its own budgets.
            Sender.Tell(throttled);
            return;
        }

        if (!_children.TryGetValue(envelope.Child, out var child))
        {
            // A mail server's report wakes no mailbox: one that is not running has nobody waiting for it.
            if (envelope.Message is Mailboxes.MailboxChangesReported) return;
            child = Start(envelope.Child);
        }

        if (child.Waiting is { } waiting)
        {
            waiting.Add((envelope.Message, Sender));
            return;
        }

        child.Recovering?.Add(Sender);
        _settings.Counts?.Routed(remote: !Sender.Path.Address.HasLocalScope);
        child.Ref.Forward(envelope.Message);
    }

    private Child Start(string name)
    {
        var (props, kind) = name switch
        {
            AccountChild.Gate => (_settings.Gate(_accountId), EntityKind.Gate),
            AccountChild.Mailbox => (_settings.Mailbox(_accountId), EntityKind.Mailbox),
            _ => (_settings.Device(_accountId, AccountChild.DeviceIdOf(name) ?? throw new ArgumentException($"No child '{name}' in an account entity.", nameof(name))), EntityKind.Device),
        };
        if (_settings.ChildMailbox is { } mailbox) props = props.WithMailbox(mailbox);
        var actor = Context.ActorOf(props, $"{kind.ToString().ToLowerInvariant()}-{++_incarnations}");
        Context.Watch(actor);
        var child = new Child(actor, kind);
        _children[name] = child;
        _names[actor] = name;
        _settings.Counts?.Started(kind);
        return child;
    }

    private void BeginPassivation(IActorRef actor)
    {
        if (!_names.TryGetValue(actor, out var name) || _children[name].Waiting is not null) return;
        _children[name].Waiting = [];
        actor.Tell(PassivateChild.Instance);
    }

    /// <summary>The child stops because its journal refused a write: what comes for it waits for its successor.</summary>
    private void HoldForSuccessor(IActorRef actor)
    {
        if (!_names.TryGetValue(actor, out var name)) return;
        var child = _children[name];
        child.Failed = true;
        child.Waiting ??= [];
    }

    private void Resume(IActorRef actor)
    {
        if (!_names.TryGetValue(actor, out var name) || _children[name] is { Failed: true } || _children[name].Waiting is not { } waiting) return;
        _children[name].Waiting = null;
        foreach (var (message, sender) in waiting) actor.Tell(message, sender);
    }

    private void Settled(IActorRef actor)
    {
        if (_names.TryGetValue(actor, out var name)) _budget.Settled(name);
    }

    private void Recovered(IActorRef actor)
    {
        if (_names.TryGetValue(actor, out var name)) _children[name].Recovering = null;
    }

    /// <summary>
    /// The child stops without having handled what was routed to it: answer those askers now with a retriable
    /// failure rather than let them wait for their deadline. The child's own stop follows (Terminated).
    /// </summary>
    private void RecoveryFailed(IActorRef actor, string reason)
    {
        if (!_names.TryGetValue(actor, out var name) || _children[name].Recovering is not { } askers) return;
        _children[name].Recovering = null;
        var failure = new Status.Failure(new Persistence.StoreUnavailableException($"The state of {_accountId} ({name}) could not be read: {reason}"));
        foreach (var asker in askers.Where(a => !a.IsNobody())) asker.Tell(failure);
    }

    private void Stopped(IActorRef actor)
    {
        if (!_names.Remove(actor, out var name)) return;
        var child = _children[name];
        _children.Remove(name);
        _settings.Counts?.Stopped(child.Kind);
        _budget.Restart(name, child.Waiting?.Count(held => held.Message is Devices.ExecuteDeviceCommand) ?? 0);
        if (child.Waiting is not { Count: > 0 } waiting) return;
        var fresh = Start(name);
        foreach (var (message, sender) in waiting)
        {
            fresh.Recovering?.Add(sender);
            fresh.Ref.Tell(message, sender);
        }
    }

    private sealed class Child(IActorRef actor, EntityKind kind)
    {
        public IActorRef Ref { get; } = actor;

        public EntityKind Kind { get; } = kind;

        /// <summary>The child's journal refused a write and it stops; it is never resumed.</summary>
        public bool Failed { get; set; }

        /// <summary>Messages held while the child is stopping; null while it runs.</summary>
        public List<(object Message, IActorRef Sender)>? Waiting { get; set; }

        /// <summary>Who sent the messages routed to the child before it had read its state back; null once it has.</summary>
        public List<IActorRef>? Recovering { get; set; } = [];
    }
}
