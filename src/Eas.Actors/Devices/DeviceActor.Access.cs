using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Devices.Access;

namespace Eas.Actors.Devices;

/// <summary>Device access rules, quarantine and the policy of the account's level (see <see cref="DeviceAccessGate"/>, <see cref="PolicyResolver"/>).</summary>
public sealed partial class DeviceActor
{
    /// <summary>
    /// Runs a request the account admitted: a pending or acknowledged wipe goes first (the phone must get its
    /// directive whatever the rules say); else the device's access gates it, a quarantined device's owner gets the
    /// notice once, and the command is decided against the policy in force for the account's level.
    /// </summary>
    private async Task<Decision> DecideWithAccessAsync(DeviceState state, DeviceRequest request, string? accountClass, DateTimeOffset now)
    {
        if (settings.Directory is null) return await DecideAsync(state, request, settings.Policy, now);
        var directory = await settings.Directory.CurrentAsync();
        var policy = PolicyResolver.Resolve(settings.Policy, directory.Policies, request.AccountId, accountClass).Policy;
        if (state.RemoteWipe is not null) return await DecideAsync(state, request, policy, now);

        var check = DeviceAccessGate.Check(state, directory.AccessRules, request.Line.Command, now);
        var events = ImmutableArray.CreateBuilder<DeviceEvent>();
        events.AddRange(check.Events);
        if (!check.Events.IsEmpty) DeviceAccessLog.AccessChanged(settings.Logger, request.AccountId, state.DeviceId, check.Verdict.Level, check.Verdict.Source);
        if (check.NoticeDue && await DeliverNoticeAsync(state, request, now)) events.Add(new QuarantineNoticeDelivered(now));
        var after = DeviceDecisions.ApplyAll(state, events);
        if (check.Refused) return new Decision(new DeviceAccessDenied(check.Verdict.Level), events.ToImmutable());

        var decided = await DecideAsync(after, request, policy, now);
        return decided with { Events = [.. events, .. decided.Events] };
    }

    /// <summary>Appends the quarantine notice to the Inbox; a failure is logged and the next request tries again.</summary>
    private async Task<bool> DeliverNoticeAsync(DeviceState state, DeviceRequest request, DateTimeOffset now)
    {
        if (settings.Mailboxes is null || request.Credentials is null) return false;
        try
        {
            var notice = QuarantineNotice.Build(request.EmailAddress, state, now);
            await MailboxWork.RunAsync(request, settings, async context =>
            {
                var inbox = (await context.RefreshFoldersAsync()).FirstOrDefault(f => f.Use == Mailboxes.FolderUse.Inbox)?.Name ?? "INBOX";
                await using var copy = Persistence.TemporaryFile.Create();
                await notice.WriteToAsync(copy, context.CancellationToken);
                copy.Position = 0;
                await context.Session.AppendAsync(inbox, copy, copy.Length, Mailboxes.MessageFlags.None, context.CancellationToken);
                return true;
            });
            DeviceAccessLog.NoticeDelivered(settings.Logger, request.AccountId, state.DeviceId);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            DeviceAccessLog.NoticeFailed(settings.Logger, request.AccountId, state.DeviceId, e.Message);
            return false;
        }
    }

    /// <summary>An admin approves (Allow), blocks (Block) or hands back to the rules (null) this device; answered with its state (null: never seen).</summary>
    private void DecideAccess(SetDeviceAccess order)
    {
        var replyTo = Sender;
        if (_state is null)
        {
            replyTo.Tell(new DeviceAccessResult(null));
            return;
        }

        if (_state.AccessDecision == order.Level)
        {
            replyTo.Tell(new DeviceAccessResult(_state));
            return;
        }

        ImmutableArray<DeviceEvent> decided = [new DeviceAccessDecided(settings.Clock.GetUtcNow(), order.Level, order.By)];
        var before = _state;
        PersistThen(decided, replyTo, Apply, () =>
        {
            NoteLists(before);
            replyTo.Tell(new DeviceAccessResult(_state));
        });
    }
}
