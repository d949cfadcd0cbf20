using Eas.Wire.Commands.FolderCreate;
using Eas.Wire.Commands.FolderDelete;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.FolderUpdate;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.Settings;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Wire.Commands;

/// <summary>
/// The status a host answers a refused request with, in the command's top-level Status element, or null to answer
/// HTTP 400. From 14.0 a request that is well-formed HTTP but wrong is answered HTTP 200 with a status (MS-ASCMD
/// 2.2.2, common status codes): a malformed DeviceId is 108, a body that is not WBXML 102, and a body that is not
/// the command's request its own protocol-error code where its status table has one, else 105 for a required
/// element that is missing (as MoveItems without DstFldId) and 103 otherwise. Before 14.0 the HTTP codes stay:
/// malformed WBXML and a malformed request line are 400, and only commands with a protocol-error code of their
/// own answer a wrong body with it. Each status enum's documentation says the same; this table is what the host
/// calls.
/// </summary>
public static class ProtocolErrorStatus
{
    /// <summary>The status for a body that decoded as WBXML but is not the command's request (<see cref="EasRequestFormatException"/>).</summary>
    public static int? For(EasCommand command, ProtocolVersion version, bool missingElement = false) => command switch
    {
        _ when !StatusOnlyResponse.CanCarry(command) => null,
        EasCommand.Sync => (int)SyncStatus.ProtocolError,
        EasCommand.FolderSync => (int)FolderSyncStatus.ProtocolError,
        EasCommand.FolderCreate => (int)FolderCreateStatus.ProtocolError,
        EasCommand.FolderUpdate => (int)FolderUpdateStatus.ProtocolError,
        EasCommand.FolderDelete => (int)FolderDeleteStatus.ProtocolError,
        EasCommand.Ping => (int)PingStatus.ProtocolError,
        EasCommand.ItemOperations => (int)ItemOperationsStatus.ProtocolError,
        EasCommand.Settings => (int)SettingsStatus.ProtocolError,
        EasCommand.Provision => (int)ProvisionStatus.ProtocolError,
        EasCommand.ResolveRecipients => (int)ResolveRecipients.ResolveRecipientsStatus.ProtocolError,
        _ when version < ProtocolVersion.V140 => null,
        _ when missingElement => (int)CommonStatus.InvalidCombinationOfIDs,
        _ => (int)CommonStatus.InvalidXML,
    };

    /// <summary>The status for a body that is not WBXML at all: <see cref="CommonStatus.InvalidWBXML"/> from 14.0, HTTP 400 before.</summary>
    public static int? ForInvalidWbxml(EasCommand command, ProtocolVersion version) =>
        version >= ProtocolVersion.V140 && StatusOnlyResponse.CanCarry(command) ? (int)CommonStatus.InvalidWBXML : null;

    /// <summary>
    /// The status for a refused request line: from 14.0, when the line named its command and version, a missing or
    /// malformed DeviceId is <see cref="CommonStatus.DeviceIdMissingOrInvalid"/>, DeviceType
    /// <see cref="CommonStatus.DeviceTypeMissingOrInvalid"/> and a policy key that is not a number
    /// <see cref="CommonStatus.InvalidPolicyKey"/> (MS-ASCMD 2.2.2); every other fault of the line (an unknown
    /// command or version, a query that does not parse) stays HTTP 400, as MS-ASHTTP 2.2.2.1.1 has it.
    /// </summary>
    public static int? ForRequestLine(EasRequestException refusal)
    {
        if (refusal.Command is not { } command || refusal.ProtocolVersion is not { } version) return null;
        if (version < ProtocolVersion.V140 || !StatusOnlyResponse.CanCarry(command)) return null;
        CommonStatus? status = refusal.Reason switch
        {
            EasRequestErrorReason.MissingDeviceId or EasRequestErrorReason.InvalidDeviceId => CommonStatus.DeviceIdMissingOrInvalid,
            EasRequestErrorReason.MissingDeviceType or EasRequestErrorReason.InvalidDeviceType => CommonStatus.DeviceTypeMissingOrInvalid,
            EasRequestErrorReason.InvalidPolicyKey => CommonStatus.InvalidPolicyKey,
            _ => null,
        };
        return (int?)status;
    }
}
