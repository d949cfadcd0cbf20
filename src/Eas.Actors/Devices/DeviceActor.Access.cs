using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Devices.Access;
using Eas.Wire.Commands.GetItemEstimate;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>Device access rules, quarantine and the policy of the account's level (see <see cref="DeviceAccessGate"/>, <see cref="PolicyResolver"/>).</summary>
public sealed partial class DeviceActor
{
    /// <summary>
    /// Runs a request the account admitted: a pending or acknowledged wipe goes first (the phone must get its
    /// directive whatever the rules say); else the device's access gates it, a quarantined device's owner gets the
    /// notice once and the admins are told once, a quarantined request that goes through sees only the Inbox and its
    /// notices (<see cref="QuarantineView"/>), and the command is decided against the policy in force for the
    /// account's level.
    /// </summary>
    private async Task<Decision> DecideWithAccessAsync(DeviceState state, DeviceRequest request, string? accountClass, DateTimeOffset now)
    {
        if (settings.Directory is null) return await DecideAsync(state, request, settings.Policy, now);
        var directory = await settings.Directory.CurrentAsync();
        var policy = PolicyResolver.Resolve(settings.Policy, directory.Policies, request.AccountId, accountClass).Policy;
        if (state.RemoteWipe is not null) return await DecideAsync(state, request, policy, now);

        var check = DeviceAccessGate.Check(state, directory.AccessRules, request.Line.Command, now, CollectionsOf(state, request));
        var events = ImmutableArray.CreateBuilder<DeviceEvent>();
        events.AddRange(check.Events);
        if (!check.Events.IsEmpty) DeviceAccessLog.AccessChanged(settings.Logger, request.AccountId, state.DeviceId, check.Verdict.Level, check.Verdict.Source);
        if (check.NoticeDue && await DeliverNoticeAsync(state, request, now)) events.Add(new QuarantineNoticeDelivered(now));
        if (check.AdminNoticeDue && await NotifyAdminsAsync(state, request, now)) events.Add(new QuarantineAdminNotified(now));
        var after = DeviceDecisions.ApplyAll(state, events);
        if (check.Refused) return new Decision(new DeviceAccessDenied(check.Verdict.Level), events.ToImmutable());

        var decided = await DecideAsync(after, request with { Quarantined = check.Quarantined }, policy, now);
        return decided with { Events = [.. events, .. decided.Events] };
    }

    /// <summary>
    /// The collections a Sync, GetItemEstimate or Ping names, with those it repeats from the last one (an empty or
    /// Partial Sync, a Ping without Folders); null when there are none.
    /// </summary>
    private IReadOnlyCollection<string>? CollectionsOf(DeviceState state, DeviceRequest request)
    {
        switch (request.Body)
        {
            case GetItemEstimateRequest estimate:
                return [.. estimate.Collections.Select(c => c.CollectionId ?? "")];
            case PingRequest { Folders: { IsDefaultOrEmpty: false } folders }:
                return [.. folders.Select(f => f.Id)];
        }

        if (request.Line.Command == EasCommand.Ping) return state.Ping?.FolderIds;
        if (request.Line.Command != EasCommand.Sync) return null;
        var sync = request.Body as SyncRequest;
        var named = sync is { Collections.IsDefaultOrEmpty: false } ? sync.Collections.Select(c => c.CollectionId) : [];
        var repeated = sync is null || sync.Collections.IsDefaultOrEmpty || sync.Partial
            ? _collections.LastRequest?.Collections.Select(c => c.CollectionId) ?? []
            : [];
        var all = named.Concat(repeated).Distinct(StringComparer.Ordinal).ToArray();
        return all.Length == 0 ? null : all;
    }

    /// <summary>Appends the quarantine notice to the Inbox; a failure is logged and the next request tries again.</summary>
    private async Task<bool> DeliverNoticeAsync(DeviceState state, DeviceRequest request, DateTimeOffset now)
    {
        if (settings.Mailboxes is null || request.Credentials is null) return false;
        try
        {
            var notice = QuarantineNotice.Build(settings.Quarantine, request.EmailAddress, state, now);
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

    /// <summary>
    /// Mails the admins (<c>Eas:Devices:Quarantine:NotifyAddresses</c>) that the device waits for their decision,
    /// through SMTP submission with the account's own verified login (the only credentials the service holds), and
    /// writes it to the audit log; none configured or no submission server: nothing to do, and nothing is recorded.
    /// A failure is logged and the next request tries again.
    /// </summary>
    private async Task<bool> NotifyAdminsAsync(DeviceState state, DeviceRequest request, DateTimeOffset now)
    {
        var admins = settings.Quarantine.NotifyAddresses;
        if (admins.IsDefaultOrEmpty || settings.Submitter is not { } submitter || request.Credentials is not { } credentials) return false;
        try
        {
            var notice = QuarantineNotice.BuildForAdmins(settings.Quarantine, request.EmailAddress, state, now);
            await submitter.SubmitAsync(credentials, request.EmailAddress, admins, (stream, ct) => notice.WriteToAsync(stream, ct), CancellationToken.None);
            DeviceAccessLog.AdminsNotified(settings.Logger, request.AccountId, state.DeviceId, admins.Length);
            settings.Directory?.Record("device.quarantine_admins_notified", new { account = request.AccountId, device = state.DeviceId, to = admins }, "device");
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            DeviceAccessLog.AdminNoticeFailed(settings.Logger, request.AccountId, state.DeviceId, e.Message);
            return false;
        }
    }

    /// <summary>
    /// An admin approves (Allow), blocks (Block) or hands back to the rules (null) this device; answered with its state
    /// (null: never seen). A decision that changes the device's access ends a request parked under the old one (Ping
    /// Status 1, MS-ASCMD 2.2.3.177.11: reissue the Ping; an empty Sync), as a wipe order does: the phone's next request
    /// then passes the access gate like any other (<see cref="DecideWithAccessAsync"/>), so a blocked device gets the
    /// answer every command of a blocked device gets (MS-ASCMD 2.2.2 Status 129, DeviceIsBlockedForThisUser, from 14.0;
    /// HTTP 403 before) at once instead of after the Ping's heartbeat, and a quarantined one sees only its Inbox. An
    /// order that changes nothing leaves the Ping parked, with the entity if it held it (<see cref="AfterOrder"/>).
    /// </summary>
    private void DecideAccess(SetDeviceAccess order)
    {
        var replyTo = Sender;
        if (_state is null || _state.AccessDecision == order.Level)
        {
            replyTo.Tell(new DeviceAccessResult(_state));
            AfterOrder(endsParked: false, "access");
            return;
        }

        ImmutableArray<DeviceEvent> decided = [new DeviceAccessDecided(settings.Clock.GetUtcNow(), order.Level, order.By)];
        var before = _state;
        PersistThen(decided, replyTo, Apply, () =>
        {
            NoteLists(before);
            replyTo.Tell(new DeviceAccessResult(_state));
            AfterOrder(endsParked: true, "access");
        });
    }
}
