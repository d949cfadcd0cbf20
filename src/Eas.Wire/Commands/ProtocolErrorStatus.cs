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
/// The status a host answers an <see cref="EasRequestFormatException"/> with: the command's own
/// protocol-error code where its status table has one, <see cref="CommonStatus.InvalidXML"/> from 14.0 on
/// for commands without one (MS-ASCMD 2.2.2), and null (HTTP 400) otherwise. Each status enum's documentation says the
/// same; this table is what the host calls.
/// </summary>
public static class ProtocolErrorStatus
{
    /// <summary>The status code to write in the command's top-level Status element, or null to answer HTTP 400.</summary>
    public static int? For(EasCommand command, ProtocolVersion version) => command switch
    {
        EasCommand.Sync => (int)SyncStatus.ProtocolError,
        EasCommand.FolderSync => (int)FolderSyncStatus.ProtocolError,
        EasCommand.FolderCreate => (int)FolderCreateStatus.ProtocolError,
        EasCommand.FolderUpdate => (int)FolderUpdateStatus.ProtocolError,
        EasCommand.FolderDelete => (int)FolderDeleteStatus.ProtocolError,
        EasCommand.Ping => (int)PingStatus.ProtocolError,
        EasCommand.ItemOperations => (int)ItemOperationsStatus.ProtocolError,
        EasCommand.Settings => (int)SettingsStatus.ProtocolError,
        EasCommand.Provision => (int)ProvisionStatus.ProtocolError,
        EasCommand.GetItemEstimate or EasCommand.SendMail or EasCommand.SmartReply or EasCommand.SmartForward
            when version >= ProtocolVersion.V140 => (int)CommonStatus.InvalidXML,
        _ => null,
    };
}
