using System.Collections.Immutable;
using Eas.Wire.Http;

namespace Eas.Actors.Devices.Access;

/// <summary>What <see cref="DeviceAccessGate.Check"/> says about one request.</summary>
/// <param name="Verdict">The device's access now.</param>
/// <param name="Events">The access change to record, when it differs from the last one.</param>
/// <param name="Refused">True when the request is refused (MS-ASCMD 2.2.2 Status 129 from 14.0, HTTP 403 below).</param>
/// <param name="NoticeDue">True when the device is quarantined and the account has not been sent its notice yet.</param>
public sealed record DeviceAccessCheck(DeviceAccessVerdict Verdict, ImmutableArray<DeviceEvent> Events, bool Refused, bool NoticeDue)
{
    /// <summary>True when the device is quarantined and the admins have not been told yet (<c>Eas:Devices:Quarantine:NotifyAddresses</c>).</summary>
    public bool AdminNoticeDue { get; init; }

    /// <summary>True when the request goes through in quarantine: the commands show it only its Inbox and its notices (<see cref="QuarantineView"/>).</summary>
    public bool Quarantined => Verdict.Level == DeviceAccessLevel.Quarantine && !Refused;
}

/// <summary>
/// How a device's access gates a request, pure. A blocked device is refused every command. A quarantined device may
/// still Provision, send Settings (its DeviceInformation, which rules on the model and OS need), FolderSync, and
/// Sync, estimate and Ping its Inbox, as Exchange lets a quarantined device set up its partnership and read the
/// quarantine notice (<see cref="QuarantineView"/>); every other command is refused until an admin approves it, and
/// then its next request simply goes through (nothing about the partnership changed).
/// </summary>
public static class DeviceAccessGate
{
    /// <summary>Gates one request; <paramref name="collections"/> are those a Sync, GetItemEstimate or Ping names (or repeats from the last one), null for none.</summary>
    public static DeviceAccessCheck Check(DeviceState state, DeviceAccessRuleSet rules, EasCommand command, DateTimeOffset now, IReadOnlyCollection<string>? collections = null)
    {
        var verdict = DeviceAccessResolver.Decide(rules, state.AccountId, DeviceFacts.Of(state), state.AccessDecision);
        ImmutableArray<DeviceEvent> events = verdict == state.Access ? [] : [new DeviceAccessChanged(now, verdict)];
        return verdict.Level switch
        {
            DeviceAccessLevel.Block => new(verdict, events, Refused: true, NoticeDue: false),
            DeviceAccessLevel.Quarantine => new(verdict, events, Refused: !QuarantineView.Admits(command, collections, state.Hierarchy), NoticeDue: state.QuarantineNoticeAt is null)
            {
                AdminNoticeDue = state.QuarantineAdminNoticeAt is null,
            },
            _ => new(verdict, events, Refused: false, NoticeDue: false),
        };
    }
}
