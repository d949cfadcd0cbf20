using System.Collections.Immutable;
using Eas.Wire.Http;

namespace Eas.Actors.Devices.Access;

/// <summary>What <see cref="DeviceAccessGate.Check"/> says about one request.</summary>
/// <param name="Verdict">The device's access now.</param>
/// <param name="Events">The access change to record, when it differs from the last one.</param>
/// <param name="Refused">True when the request is refused (MS-ASCMD 2.2.2 Status 129 from 14.0, HTTP 403 below).</param>
/// <param name="NoticeDue">True when the device is quarantined and the account has not been sent its notice yet.</param>
public sealed record DeviceAccessCheck(DeviceAccessVerdict Verdict, ImmutableArray<DeviceEvent> Events, bool Refused, bool NoticeDue);

/// <summary>
/// How a device's access gates a request, pure. A blocked device is refused every command. A quarantined device may
/// still Provision, send Settings (its DeviceInformation, which rules on the model and OS need) and FolderSync, as
/// Exchange lets a quarantined device set up its partnership; every other command is refused until an admin approves
/// it, and then its next request simply goes through (nothing about the partnership changed).
/// </summary>
public static class DeviceAccessGate
{
    /// <summary>The commands a quarantined device may send.</summary>
    public static bool AllowedInQuarantine(EasCommand command) => command is EasCommand.Provision or EasCommand.Settings or EasCommand.FolderSync;

    public static DeviceAccessCheck Check(DeviceState state, DeviceAccessRuleSet rules, EasCommand command, DateTimeOffset now)
    {
        var verdict = DeviceAccessResolver.Decide(rules, state.AccountId, DeviceFacts.Of(state), state.AccessDecision);
        ImmutableArray<DeviceEvent> events = verdict == state.Access ? [] : [new DeviceAccessChanged(now, verdict)];
        return verdict.Level switch
        {
            DeviceAccessLevel.Block => new(verdict, events, Refused: true, NoticeDue: false),
            DeviceAccessLevel.Quarantine => new(verdict, events, Refused: !AllowedInQuarantine(command), NoticeDue: state.QuarantineNoticeAt is null),
            _ => new(verdict, events, Refused: false, NoticeDue: false),
        };
    }
}
