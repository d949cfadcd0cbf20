using Pages = Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands;

/// <summary>
/// A response carrying only a top-level status, for answers that are the same for every command: the
/// 14.0+ common statuses of MS-ASCMD 2.2.2 (142 DeviceNotProvisioned, 144 InvalidPolicyKey, 126
/// UserDisabledForSync, ...), which the server returns inside the command's own root element.
/// </summary>
public sealed record CommandStatusResponse(EasCommand Command, int Status) : IEasResponse
{
    /// <summary>Whether the command has a WBXML response with a top-level Status element to carry it.</summary>
    public static bool CanCarry(EasCommand command) => Envelope(command) is not null;

    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        var (root, status) = Envelope(Command) ?? throw new InvalidOperationException($"{Command} has no top-level status.");
        writer.StartElement(root);
        writer.WriteElementInt(status, Status);
        writer.EndElement();
    }

    /// <summary>The root element and its Status child of each command response (MS-ASCMD 2.2.1.x).</summary>
    private static (ushort Root, ushort Status)? Envelope(EasCommand command) => command switch
    {
        EasCommand.Sync => (Pages.AirSync.Sync, Pages.AirSync.Status),
        EasCommand.SendMail => (Pages.ComposeMail.SendMail, Pages.ComposeMail.Status),
        EasCommand.SmartForward => (Pages.ComposeMail.SmartForward, Pages.ComposeMail.Status),
        EasCommand.SmartReply => (Pages.ComposeMail.SmartReply, Pages.ComposeMail.Status),
        EasCommand.FolderSync => (Pages.FolderHierarchy.FolderSync, Pages.FolderHierarchy.Status),
        EasCommand.FolderCreate => (Pages.FolderHierarchy.FolderCreate, Pages.FolderHierarchy.Status),
        EasCommand.FolderDelete => (Pages.FolderHierarchy.FolderDelete, Pages.FolderHierarchy.Status),
        EasCommand.FolderUpdate => (Pages.FolderHierarchy.FolderUpdate, Pages.FolderHierarchy.Status),
        EasCommand.GetItemEstimate => (Pages.GetItemEstimate.GetItemEstimateElement, Pages.GetItemEstimate.Status),
        EasCommand.Search => (Pages.Search.SearchElement, Pages.Search.Status),
        EasCommand.Settings => (Pages.Settings.SettingsElement, Pages.Settings.Status),
        EasCommand.Ping => (Pages.Ping.PingElement, Pages.Ping.Status),
        EasCommand.ItemOperations => (Pages.ItemOperations.ItemOperationsElement, Pages.ItemOperations.Status),
        EasCommand.Provision => (Pages.Provision.ProvisionElement, Pages.Provision.Status),
        EasCommand.ResolveRecipients => (Pages.ResolveRecipients.ResolveRecipientsElement, Pages.ResolveRecipients.Status),
        EasCommand.ValidateCert => (Pages.ValidateCert.ValidateCertElement, Pages.ValidateCert.Status),
        EasCommand.Find => (Pages.Find.FindElement, Pages.Find.Status),
        _ => ((ushort, ushort)?)null,
    };
}
