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
/// <para>
/// It holds the plain Pings (MS-ASCMD 2.2.1.13) its devices park (<see cref="HeldPings"/>), so a device passivates while
/// its Ping waits: the mailbox tells changes to the entity, which answers a held Ping with Status 2 itself and hands
/// a change for anything else (a parked Sync) to the device only if it is running. The device's next request takes its
/// Ping back first, so the device's own rules end it. The entity does not passivate while it holds a Ping.
/// </para>
/// <para>
/// A child whose journal refuses a write or whose state cannot be read stops (Akka.Persistence stops it). What the entity
/// routes for it from then on waits for its next incarnation; what already sat in its mailbox comes back as dead
/// letters (<see cref="ChildLetterReturner"/>) and goes to that next incarnation too, at most
/// <see cref="MaxHandOns"/> times, after which its asker gets the retriable store failure (HTTP 503). The next incarnation
/// starts only once the node's returner has handed back every letter the failed one left (<see cref="FlushLetters"/>),
/// and gets those first, then what the entity held for it meanwhile: a device's commands run in the order the phone sent them.
/// </para>
/// <para>
/// An admin order that removes, wipes, blocks or unblocks a device (<see cref="TakesHeldPingBack"/>) takes the Ping the
/// entity holds for it back to the device first, as a request of the phone does: the device answers it Status 1 once the
/// order is done, so the phone's next request meets the device's new state at once, not after the Ping's heartbeat; an
/// order that changed nothing gives the Ping back to the entity.
/// </para>
/// <para>
/// When its shard moves to another node the entity gets <see cref="HandOffAccount"/> instead of a
/// <see cref="PoisonPill"/>: a poison pill stops the children at once, a device in the middle of a command included, so
/// its phone waited for the deadline (503) and a write still in flight could land after the new node had read the
/// journal. Instead the held Pings are answered Status 1, the devices are told to stop after their turn
/// (<see cref="StopForHandOff"/>), then, once they are gone, the mailbox and the gate (a device in its turn may still
/// ask them, through this entity: <see cref="Devices.DeviceActorSettings.AsksThroughEntity"/>), and the entity stops with
/// its last child. What reaches it meanwhile for a device that is stopping or not running, and for the mailbox or the
/// gate once the devices are gone, is sent on through the shard region, which holds it until the account's new home
/// runs (on a node that shuts down, its asker gets the retriable failure). Akka's <c>handoff-timeout</c> bounds it all.
/// </para>
/// </summary>
public sealed class AccountEntityActor : ReceiveActor
{
    private readonly string _accountId;
    private readonly AccountEntitySettings _settings;
    private readonly Dictionary<string, AccountEntityChild> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _names = [];
    private readonly AccountBudget _budget;
    private readonly HeldPings _pings;
    private readonly Queue<(IActorRef Ref, string Name)> _failedWrites = new();
    private long _incarnations;
    private bool _handingOff;

    /// <summary>How often one message is handed to a next incarnation before its asker gets a retriable failure instead.</summary>
    public const int MaxHandOns = 2;

    /// <summary>Failed incarnations whose letters are still taken back: they come within moments of the stop.</summary>
    private const int FailedRemembered = 8;

    /// <summary>
    /// How long a failed child's successor waits for the returner's <see cref="LettersFlushed"/> before it starts anyway; a
    /// safety net only (the returner answers within moments), so a node without one still serves.
    /// </summary>
    private static readonly TimeSpan FlushPatience = TimeSpan.FromSeconds(5);

    public AccountEntityActor(string accountId, AccountEntitySettings settings)
    {
        _accountId = accountId;
        _settings = settings;
        _budget = new AccountBudget(settings.Budgets);
        _pings = new HeldPings(settings, Self, Context.System.Scheduler);
        Receive<AccountEnvelope>(Route);
        Receive<HoldPing>(hold =>
        {
            _pings.Hold(hold);
            // Parked by a device finishing its turn during the hand-off: the phone Pings again, at the new home.
            if (_handingOff) _pings.EndAll();
        });
        Receive<HeldPingHeartbeat>(heartbeat =>
        {
            if (_pings.Heartbeat(heartbeat)) Unwatch(heartbeat.DeviceKey);
        });
        Receive<Mailboxes.FoldersChanged>(Changed);
        Receive<ForHeldPing>(ForHeld);
        Receive<ReturnedLetter>(Return);
        Receive<RequestSettled>(_ => Settled(Sender));
        Receive<ChildIdle>(_ => BeginPassivation(Sender));
        Receive<ChildBusy>(_ => Resume(Sender));
        Receive<ChildRecovered>(_ => Recovered(Sender));
        Receive<ChildRecoveryFailed>(failed => RecoveryFailed(Sender, failed.Reason));
        Receive<ChildWriteFailed>(_ => HoldForSuccessor(Sender));
        Receive<LettersFlushed>(flushed => Restart(flushed.Child, late: false));
        Receive<FlushOverdue>(overdue => Restart(overdue.Child, late: true));
        Receive<Terminated>(stopped => Stopped(stopped.ActorRef));
        Receive<HandOffAccount>(_ => BeginHandOff());
        Receive<ReceiveTimeout>(_ =>
        {
            if (_children.Count == 0 && _pings.Count == 0) Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        });
        Context.SetReceiveTimeout(settings.EmptyLinger);
    }

    /// <summary>Props of the entity for <paramref name="accountId"/>.</summary>
    public static Props PropsFor(string accountId, AccountEntitySettings settings) =>
        Props.Create(() => new AccountEntityActor(accountId, settings));

    protected override void PreStart() => _settings.Counts?.Started(EntityKind.Account);

    protected override void PostStop()
    {
        _pings.EndAll();
        foreach (var child in _children.Values)
        {
            child.FlushOverdue?.Cancel();
            // A failed child whose letters are still awaited has stopped, and was counted out then.
            if (_names.ContainsKey(child.Ref)) _settings.Counts?.Stopped(child.Kind);
            foreach (var (message, sender) in (child.Returned ?? []).Concat(child.Waiting ?? [])) Unanswered(message, sender, "held for a child when the entity stopped");
        }

        _settings.Counts?.Stopped(EntityKind.Account);
    }

    /// <summary>
    /// A message nobody will handle now (the entity stops, or its child is gone): a parked Ping in it is answered Status 1
    /// so the phone reconnects at once, and an asker gets the retriable store failure (HTTP 503 with Retry-After) rather
    /// than waiting for its deadline.
    /// </summary>
    private void Unanswered(object message, IActorRef sender, string lost)
    {
        if (LostHeldPing.Of(message) is { } ping) LostHeldPing.Answer(ping, _settings.Logger, _settings.Metrics, lost);
        else if (IsAsker(sender))
            sender.Tell(new Status.Failure(new Persistence.StoreUnavailableException($"The account {_accountId} moved or stopped before its {message.GetType().Name} was handled; try again.")));
    }

    private void Route(AccountEnvelope envelope)
    {
        var message = envelope.Message;
        if (message is Devices.ExecuteDeviceCommand && _budget.TryAdmit(envelope.Child, _settings.Clock.GetUtcNow()) is { } throttled)
        {
            // Refused before it reaches the device: costs neither the device's turn nor its own budgets (a held Ping stays).
            Sender.Tell(throttled);
            return;
        }

        if (AccountChild.DeviceIdOf(envelope.Child) is { } deviceId)
        {
            var deviceKey = Devices.DeviceActor.KeyOf(_accountId, deviceId);
            // Sent from nobody: the Ping's asker is no sender to answer with a failure (RecoveryFailed, GaveUp); a Ping the
            // device never reads comes back as a dead letter and is answered, and counted, once (LostHeldPing).
            if (TakesHeldPingBack(message) && _pings.Release(deviceKey) is { } returned)
                Deliver(envelope.Child, returned, ActorRefs.Nobody, routed: false);
            switch (message)
            {
                case Devices.AbandonRequest abandoned:
                    if (_pings.Abandon(deviceKey, abandoned.RequestId)) Unwatch(deviceKey);
                    else TellRunning(envelope.Child, abandoned, Sender);
                    return;
                case Devices.GetDeviceState query when _pings.Holds(deviceKey):
                    message = query with { PingHeld = true };
                    break;
            }
        }

        // A mail server's report wakes no mailbox: one that is not running has nobody waiting for it.
        if (message is Mailboxes.MailboxChangesReported && !_children.ContainsKey(envelope.Child)) return;
        Deliver(envelope.Child, message, Sender);
    }

    /// <summary>
    /// Messages for a device that take the Ping the entity holds for it back to the device, just ahead of them, so the
    /// device's own rules end it: the phone's next request, and an admin's order that removes the device or the
    /// partnership, wipes it (MS-ASPROV 3.2.5.1.2) or changes its access (blocks it: MS-ASCMD 2.2.2 Status 129). Once
    /// the order is done the device answers the Ping Status 1 and the phone's next request gets what the device must
    /// say now (provision again, the wipe, the block); an order that changed nothing (a refused wipe) gives the Ping
    /// back to the entity, so the device passivates as after a plain Ping.
    /// </summary>
    private static bool TakesHeldPingBack(object message) =>
        message is Devices.ExecuteDeviceCommand or Devices.RemovePartnership or Accounts.ForgetDevice or Devices.RequestRemoteWipe or Devices.Access.SetDeviceAccess;

    /// <summary>Hands <paramref name="message"/> to the child <paramref name="name"/>, starting it if needed, or holds it while the child stops.</summary>
    private void Deliver(string name, object message, IActorRef sender, bool routed = true)
    {
        var child = _children.GetValueOrDefault(name);
        if (child is null && !HandledHere(name))
        {
            SendOn(name, message, sender);
            return;
        }

        child ??= Start(name);
        if (child.Waiting is { } waiting)
        {
            waiting.Add((message, sender));
            return;
        }

        child.Recovering?.Add(sender);
        if (routed) _settings.Counts?.Routed(remote: !sender.Path.Address.HasLocalScope);
        child.Ref.Tell(message, sender);
    }

    /// <summary>
    /// A letter the child <see cref="ReturnedLetter.Child"/> did not handle before it stopped. Only a child whose journal
    /// refused a write leaves letters to hand on: a passivating one handled all it was routed, and one whose state
    /// could not be read answered their askers already (<see cref="RecoveryFailed"/>).
    /// </summary>
    private void Return(ReturnedLetter letter)
    {
        // Found among the children first (a failed one waits for its letters there), then among the failed writes remembered.
        var name = _children.FirstOrDefault(entry => entry.Value is { Returned: not null } child && child.Ref.Equals(letter.Child)).Key
            ?? _failedWrites.FirstOrDefault(failed => failed.Ref.Equals(letter.Child)).Name;
        if (name is null)
        {
            // A device that stopped with a letter unread (it forgot itself): nobody else would answer it.
            Unanswered(letter.Message, letter.Sender, "given back to a device that stopped");
            return;
        }

        var (message, times) = letter.Message is HandedOn on ? (on.Message, on.Times) : (letter.Message, 0);
        if (times >= MaxHandOns)
        {
            EntityLog.GaveUp(_settings.Logger, _accountId, name, message.GetType().Name, times + 1);
            if (LostHeldPing.Of(message) is { } ping) LostHeldPing.Answer(ping, _settings.Logger, _settings.Metrics, "given back to a device whose journal kept failing");
            else if (IsAsker(letter.Sender))
                letter.Sender.Tell(new Status.Failure(new Persistence.StoreUnavailableException($"The journal of {_accountId} ({name}) failed {times + 1} times in a row.")));
            return;
        }

        EntityLog.HandedOn(_settings.Logger, _accountId, name, message.GetType().Name);
        // The failed incarnation's stop reset the device's count of requests in flight to those held for the next one.
        if (message is Devices.ExecuteDeviceCommand && !_names.ContainsKey(letter.Child)) _budget.Readmit(name);
        if (_children.GetValueOrDefault(name) is { Returned: { } returned } failed && failed.Ref.Equals(letter.Child))
            returned.Add((new HandedOn(message, times + 1), letter.Sender));
        else Deliver(name, new HandedOn(message, times + 1), letter.Sender);
    }

    /// <summary>Someone outside the entity waits for an answer (not a sibling that told, not a timer).</summary>
    private bool IsAsker(IActorRef sender) => !sender.IsNobody() && !Self.Path.Equals(sender.Path.Parent);

    /// <summary>Tells a child that runs and is not stopping; starts none: what a change or an abandon is for is not in a stopped one.</summary>
    private void TellRunning(string name, object message, IActorRef sender)
    {
        if (_children.TryGetValue(name, out var child) && child.Waiting is null) child.Ref.Tell(message, sender);
    }

    /// <summary>
    /// The mailbox saw a change in folders a device watches: the Ping held for it is answered here; otherwise a running
    /// device gets it (a parked Sync, or a Ping it holds itself), and a device that is not running nothing.
    /// </summary>
    private void Changed(Mailboxes.FoldersChanged changed)
    {
        if (_pings.Holds(changed.DeviceKey))
        {
            if (_pings.Changed(changed.DeviceKey, changed)) Unwatch(changed.DeviceKey);
        }
        else if (ChildOf(changed.DeviceKey) is { } child)
        {
            TellRunning(child, changed, Sender);
        }
    }

    /// <summary>
    /// A change, an abandon or a newer request that reached the device before the Ping it handed over reached the entity:
    /// it is for the held Ping or nobody.
    /// </summary>
    private void ForHeld(ForHeldPing message)
    {
        var ended = message.Message switch
        {
            Mailboxes.FoldersChanged changed => _pings.Changed(message.DeviceKey, changed),
            Devices.AbandonRequest abandoned => _pings.Abandon(message.DeviceKey, abandoned.RequestId),
            SupersedeHeldPing => _pings.Supersede(message.DeviceKey),
            _ => false,
        };
        if (ended) Unwatch(message.DeviceKey);
    }

    /// <summary>A held Ping ended: the mailbox drops the device's watch (the watch outlives a passivated device).</summary>
    private void Unwatch(string deviceKey) => TellRunning(AccountChild.Mailbox, new Mailboxes.UnwatchFolders(deviceKey), Self);

    /// <summary>The child name of the device whose watch key is <paramref name="deviceKey"/>, if it is one of this account's.</summary>
    private string? ChildOf(string deviceKey)
    {
        var prefix = Devices.DeviceActor.KeyOf(_accountId, string.Empty);
        return deviceKey.StartsWith(prefix, StringComparison.Ordinal) ? AccountChild.Device(deviceKey[prefix.Length..]) : null;
    }

    private AccountEntityChild Start(string name)
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
        var child = new AccountEntityChild(actor, kind);
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
        child.Returned = [];
        _failedWrites.Enqueue((actor, name));
        if (_failedWrites.Count > FailedRemembered) _failedWrites.Dequeue();
    }

    private void Resume(IActorRef actor)
    {
        if (!_names.TryGetValue(actor, out var name) || _children[name] is { Failed: true } or { StoppingForHandOff: true } || _children[name].Waiting is not { } waiting) return;
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
    /// failure rather than let them wait for their deadline. A held Ping given back to it is none of them: it comes back
    /// as a dead letter and is answered Status 1 and counted <c>lost</c> there, once. The child's own stop follows (Terminated); what is routed
    /// until then waits for the next incarnation, which tries to read the state again.
    /// </summary>
    private void RecoveryFailed(IActorRef actor, string reason)
    {
        if (!_names.TryGetValue(actor, out var name)) return;
        _children[name].Failed = true;
        _children[name].Waiting ??= [];
        if (_children[name].Recovering is not { } askers) return;
        _children[name].Recovering = null;
        var failure = new Status.Failure(new Persistence.StoreUnavailableException($"The state of {_accountId} ({name}) could not be read: {reason}"));
        foreach (var asker in askers.Where(a => !a.IsNobody())) asker.Tell(failure);
    }

    private void Stopped(IActorRef actor)
    {
        if (!_names.Remove(actor, out var name)) return;
        var child = _children[name];
        _settings.Counts?.Stopped(child.Kind);
        _budget.Restart(name, Commands(child.Returned) + Commands(child.Waiting));
        if (child.Returned is not null)
        {
            // Its letters are on their way back: the successor starts once they all are (Restart), so they come first.
            Context.ActorSelection(ChildLetterReturner.Path).Tell(new FlushLetters(actor));
            child.FlushOverdue = Context.System.Scheduler.ScheduleTellOnceCancelable(FlushPatience, Self, new FlushOverdue(actor), ActorRefs.NoSender);
            return;
        }

        _children.Remove(name);
        if (child.Waiting is { Count: > 0 } waiting) Succeed(name, waiting);
        if (_handingOff) ContinueHandOff();
    }

    /// <summary>
    /// Every letter the failed child <paramref name="actor"/> left is back (or, <paramref name="late"/>, the returner did not
    /// answer in time): its successor gets those letters first, then what came for it after it failed.
    /// </summary>
    private void Restart(IActorRef actor, bool late)
    {
        // Found by its ref, not in the failed writes remembered: those may have moved on meanwhile.
        var (name, child) = _children.FirstOrDefault(entry => entry.Value.Ref.Equals(actor));
        if (name is null || child.Returned is not { } returned || _names.ContainsKey(actor)) return;
        child.FlushOverdue?.Cancel();
        if (late) EntityLog.LettersLate(_settings.Logger, _accountId, name, FlushPatience.TotalSeconds);
        _children.Remove(name);
        List<(object Message, IActorRef Sender)> letters = [.. returned, .. child.Waiting ?? []];
        if (letters.Count > 0) Succeed(name, letters);
        if (_handingOff) ContinueHandOff();
    }

    /// <summary>
    /// Starts the next incarnation of <paramref name="name"/> and hands it <paramref name="letters"/> in order; during a
    /// hand-off sends them on to the account's new home instead.
    /// </summary>
    private void Succeed(string name, List<(object Message, IActorRef Sender)> letters)
    {
        if (!HandledHere(name))
        {
            foreach (var (message, sender) in letters) SendOn(name, message, sender);
            return;
        }

        var fresh = Start(name);
        foreach (var (message, sender) in letters)
        {
            fresh.Recovering?.Add(sender);
            fresh.Ref.Tell(message, sender);
        }
    }

    /// <summary>The shard moves to another node (<see cref="HandOffAccount"/>): stop gracefully, devices first.</summary>
    private void BeginHandOff()
    {
        if (_handingOff) return;
        _handingOff = true;
        EntityLog.HandingOff(_settings.Logger, _accountId, _children.Count, _pings.Count);
        _pings.EndAll();
        ContinueHandOff();
    }

    /// <summary>
    /// Tells the running children to stop after their turn: the devices while any is left, then the mailbox and the gate,
    /// which a device in its turn may still be asking; stops the entity once none is left.
    /// </summary>
    private void ContinueHandOff()
    {
        var devicesLeft = _children.Values.Any(child => child.Kind == EntityKind.Device);
        foreach (var child in _children.Values)
        {
            if (child.StoppingForHandOff || !_names.ContainsKey(child.Ref) || (devicesLeft && child.Kind != EntityKind.Device)) continue;
            child.StoppingForHandOff = true;
            child.Waiting ??= [];
            child.Ref.Tell(StopForHandOff.Instance);
        }

        if (_children.Count == 0) Context.Stop(Self);
    }

    /// <summary>
    /// Whether what comes for the child <paramref name="name"/> is handled on this node: always but during a hand-off, and
    /// then for the mailbox and the gate while a device is left, which may be asking them in its turn (started afresh if
    /// they had passivated): sent on, the device's ask would wait in the region for the hand-off it holds up.
    /// </summary>
    private bool HandledHere(string name) =>
        !_handingOff || (AccountChild.DeviceIdOf(name) is null && _children.Values.Any(child => child.Kind == EntityKind.Device));

    /// <summary>
    /// What came during the hand-off for a child that is stopping or not running goes on to the account's new home through
    /// the shard region, with its asker, unwrapped if it was handed on. A held Ping is answered Status 1 instead (its phone
    /// Pings the new home), and what the entity's own children or timers sent means nothing there. When the node shuts
    /// down, its region is stopping too and would hold what it is sent until its shutdown phase timed out: an asker is
    /// answered with the retriable failure instead, as when the entity stops (<see cref="Unanswered"/>).
    /// </summary>
    private void SendOn(string name, object message, IActorRef sender)
    {
        if (LostHeldPing.Of(message) is { } ping)
        {
            LostHeldPing.Answer(ping, _settings.Logger, _settings.Metrics, "handed off");
            return;
        }

        if (!sender.IsNobody() && (sender.Equals(Self) || Self.Path.Equals(sender.Path.Parent))) return;
        if (CoordinatedShutdown.Get(Context.System).ShutdownReason is not null)
        {
            Unanswered(message, sender, "held for a child when the node shut down");
            return;
        }

        var original = message is HandedOn on ? on.Message : message;
        EntityLog.SentOn(_settings.Logger, _accountId, name, original.GetType().Name);
        Region.Tell(new AccountEnvelope(_accountId, name, original), sender);
    }

    private IActorRef Region => _settings.Region ?? ClusterSharding.Get(Context.System).ShardRegion(EasActorsHosting.AccountsTypeName);

    /// <summary>How many of <paramref name="letters"/> are device commands, for the device's count of requests in flight.</summary>
    private static int Commands(List<(object Message, IActorRef Sender)>? letters) =>
        letters?.Count(held => held.Message is Devices.ExecuteDeviceCommand or HandedOn { Message: Devices.ExecuteDeviceCommand }) ?? 0;

    /// <summary>The returner did not answer <see cref="FlushLetters"/> for <paramref name="Child"/> in time.</summary>
    private sealed record FlushOverdue(IActorRef Child);
}
